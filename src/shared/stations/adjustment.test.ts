import { describe, expect, it } from 'vitest';
import { addYears, assessStation, wholeYears } from './adjustment.js';

const status = (certifiedOn: string, today: string, recruitEntries: string[] = []) =>
  assessStation({ certifiedOn, recruitEntries }, today).status;

describe('dynamic adjustment rule (seed 000 §四(一))', () => {
  it('keeps a station active for three years from certification', () => {
    expect(status('2022-03-15', '2022-03-15')).toBe('active');
    expect(status('2022-03-15', '2025-03-14')).toBe('active');
  });

  it('starts the rectification period on the third anniversary, exactly', () => {
    expect(status('2022-03-15', '2025-03-15')).toBe('rectification');
    expect(status('2022-03-15', '2026-03-14')).toBe('rectification');
  });

  it('proposes deregistration when the fourth year ends without a recruit', () => {
    expect(status('2022-03-15', '2026-03-15')).toBe('propose_deregistration');
    expect(status('2022-03-15', '2031-01-01')).toBe('propose_deregistration');
  });

  it('crosses year boundaries by anniversary, not by calendar year', () => {
    expect(status('2021-12-31', '2024-12-30')).toBe('active');
    expect(status('2021-12-31', '2024-12-31')).toBe('rectification');
    expect(status('2022-01-01', '2024-12-31')).toBe('active');
    expect(status('2022-01-01', '2025-01-01')).toBe('rectification');
  });

  it('counts from the latest recruit, which restarts the count', () => {
    // Without the 2020 recruit this station would be proposed for deregistration in 2022.
    expect(status('2018-05-01', '2023-01-01')).toBe('propose_deregistration');
    expect(status('2018-05-01', '2023-01-01', ['2020-06-01'])).toBe('active');
    expect(status('2018-05-01', '2023-05-31', ['2020-06-01'])).toBe('active');
    expect(status('2018-05-01', '2023-06-01', ['2020-06-01'])).toBe('rectification');
    expect(status('2018-05-01', '2024-06-01', ['2020-06-01'])).toBe('propose_deregistration');
  });

  it('returns a station in rectification to active when it recruits', () => {
    expect(status('2022-03-15', '2025-09-01')).toBe('rectification');
    expect(status('2022-03-15', '2025-09-01', ['2025-08-20'])).toBe('active');
  });

  it('ignores recruits before certification and in the future', () => {
    expect(status('2022-03-15', '2025-04-01', ['2021-01-01'])).toBe('rectification');
    expect(status('2022-03-15', '2025-04-01', ['2025-05-01'])).toBe('rectification');
  });

  it('handles a 29 February certification', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(status('2024-02-29', '2027-02-27')).toBe('active');
    expect(status('2024-02-29', '2027-02-28')).toBe('rectification');
    expect(status('2024-02-29', '2028-02-28')).toBe('rectification');
    expect(status('2024-02-29', '2028-02-29')).toBe('propose_deregistration');
  });

  it('reports whole years without a recruit and the at-risk flag from two years', () => {
    const a = assessStation({ certifiedOn: '2020-07-01', recruitEntries: [] }, '2022-06-30');
    expect(a).toMatchObject({
      yearsWithoutRecruit: 1,
      atRisk: false,
      rectificationStarts: '2023-07-01',
      rectificationEnds: '2024-07-01',
    });
    expect(assessStation({ certifiedOn: '2020-07-01', recruitEntries: [] }, '2022-07-01').atRisk).toBe(true);
    expect(wholeYears('2020-07-01', '2020-06-30')).toBe(0);
  });

  it('refuses malformed dates', () => {
    expect(() => status('2022/03/15', '2025-03-15')).toThrow(RangeError);
  });
});
