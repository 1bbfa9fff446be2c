import { describe, expect, it } from 'vitest';
import { AnnouncementInput, certificateNumber, defaultSummary, inPeriod, takerDisplayName } from './rules.js';

describe('results rules', () => {
  it('numbers certificates by kind, year and id', () => {
    expect(certificateNumber('match', 2026, 42)).toBe('BH-JB-2026-000042');
    expect(certificateNumber('participation', 2027, 1)).toBe('BH-ZM-2027-000001');
  });

  it('includes both ends of a period', () => {
    expect(inPeriod('2026-01-01', '2026-01-01', '2026-03-31')).toBe(true);
    expect(inPeriod('2026-03-31', '2026-01-01', '2026-03-31')).toBe(true);
    expect(inPeriod('2026-04-01', '2026-01-01', '2026-03-31')).toBe(false);
    expect(inPeriod('2025-12-31', '2026-01-01', '2026-03-31')).toBe(false);
  });

  it('names the taker by unit, team or person', () => {
    const base = { unitName: '某公司', teamName: '', leaderName: '张博士' };
    expect(takerDisplayName({ ...base, kind: 'unit' })).toBe('某公司');
    expect(takerDisplayName({ ...base, kind: 'team', teamName: '电池团队' })).toBe(
      '电池团队（负责人：张博士）',
    );
    expect(takerDisplayName({ ...base, kind: 'individual' })).toBe('张博士');
  });

  it('starts the summary from the first sentence, shortened', () => {
    expect(defaultSummary('先做小试。再放大。')).toBe('先做小试。');
    expect(defaultSummary('长'.repeat(200), 10)).toBe(`${'长'.repeat(9)}…`);
  });

  it('refuses a period that ends before it starts and an item listed twice', () => {
    const r = AnnouncementInput.safeParse({
      title: '公告',
      periodFrom: '2026-03-01',
      periodTo: '2026-02-01',
      items: [{ solutionId: 1 }, { solutionId: 1 }],
    });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['periodTo', 'period_order'],
      ['items.1.solutionId', 'item_duplicate'],
    ]);
  });
});
