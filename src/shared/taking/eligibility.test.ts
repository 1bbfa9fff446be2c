import { describe, expect, it } from 'vitest';
import {
  commitmentIneligibility,
  entityAgeIneligibility,
  entityIneligibility,
  individualIneligibility,
  isPhdOrPostdoc,
  oneYearAfter,
  teamIneligibility,
  teamLeaderIneligibility,
  TAKING_REASONS,
  type PersonFacts,
} from './eligibility';

const phd: PersonFacts = { degree: 'doctorate', postdocStatus: 'phd' };
const postdoc: PersonFacts = { degree: 'doctorate', postdocStatus: 'in_station' };
const formerPostdoc: PersonFacts = { degree: 'master', postdocStatus: 'out_station' };
const master: PersonFacts = { degree: 'master', postdocStatus: 'phd' };
const bachelor: PersonFacts = { degree: 'bachelor', postdocStatus: 'phd' };

describe('PhD or postdoc', () => {
  it('counts the doctorate and postdocs in or out of station; nothing else', () => {
    expect(isPhdOrPostdoc(phd)).toBe(true);
    expect(isPhdOrPostdoc(postdoc)).toBe(true);
    expect(isPhdOrPostdoc(formerPostdoc)).toBe(true);
    expect(isPhdOrPostdoc(master)).toBe(false);
    expect(isPhdOrPostdoc(bachelor)).toBe(false);
    expect(isPhdOrPostdoc(null)).toBe(false);
    expect(isPhdOrPostdoc({ degree: null, postdocStatus: null })).toBe(false);
  });

  it('refuses a non-PhD individual by naming the rule', () => {
    expect(individualIneligibility(phd)).toBeNull();
    expect(individualIneligibility(master)).toBe('individual_not_phd');
    expect(individualIneligibility(null)).toBe('individual_not_phd');
    expect(TAKING_REASONS.individual_not_phd['zh-CN']).toContain('博士、博士后为主要成员的科研团队');
  });
});

describe('team: mainly PhDs/postdocs', () => {
  it('needs a PhD/postdoc leader', () => {
    expect(teamLeaderIneligibility(postdoc)).toBeNull();
    expect(teamLeaderIneligibility(master)).toBe('team_leader_not_phd');
    expect(teamIneligibility(master, [phd, phd, phd])).toBe('team_leader_not_phd');
  });

  it('needs at least one confirmed member besides the leader', () => {
    expect(teamIneligibility(phd, [])).toBe('team_too_small');
    expect(teamIneligibility(phd, [master])).toBeNull();
  });

  it('accepts exactly half and more, refuses less than half (leader included)', () => {
    // 2 of 4 PhDs: exactly half.
    expect(teamIneligibility(phd, [postdoc, master, bachelor])).toBeNull();
    // 2 of 5: less than half.
    expect(teamIneligibility(phd, [postdoc, master, bachelor, master])).toBe('team_not_mainly_phd');
    // 1 of 3: the leader alone.
    expect(teamIneligibility(phd, [master, master])).toBe('team_not_mainly_phd');
    // 3 of 3: a team of three PhDs/postdocs.
    expect(teamIneligibility(postdoc, [phd, formerPostdoc])).toBeNull();
    // 3 of 5: a majority.
    expect(teamIneligibility(postdoc, [phd, formerPostdoc, master, bachelor])).toBeNull();
  });

  it('treats a member without a profile as not a PhD', () => {
    expect(teamIneligibility(phd, [null, null])).toBe('team_not_mainly_phd');
    expect(teamIneligibility(phd, [null])).toBeNull();
  });
});

describe('legal entity registered for more than one year', () => {
  it('ends the first year on the anniversary, or on 28 February for 29 February', () => {
    expect(oneYearAfter('2023-06-15')).toBe('2024-06-15');
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
    expect(oneYearAfter('2023-02-28')).toBe('2024-02-28');
    expect(oneYearAfter('2027-02-28')).toBe('2028-02-28');
    expect(oneYearAfter('2023-12-31')).toBe('2024-12-31');
    expect(() => oneYearAfter('2023-02-30')).toThrow();
  });

  it('refuses an 11-month-old company and accepts one registered a year and a day ago', () => {
    expect(entityAgeIneligibility('2025-12-23', '2026-11-23')).toBe('registered_under_one_year');
    expect(entityAgeIneligibility('2025-11-22', '2026-11-23')).toBeNull();
    // The year's last day is still running: not yet more than one year.
    expect(entityAgeIneligibility('2025-11-23', '2026-11-23')).toBe('registered_under_one_year');
    expect(entityAgeIneligibility('2025-11-24', '2026-11-23')).toBe('registered_under_one_year');
    expect(entityAgeIneligibility('2015-06-01', '2026-11-23')).toBeNull();
  });

  it('handles 29 February and leap days exactly', () => {
    expect(entityAgeIneligibility('2024-02-29', '2025-02-28')).toBe('registered_under_one_year');
    expect(entityAgeIneligibility('2024-02-29', '2025-03-01')).toBeNull();
    expect(entityAgeIneligibility('2023-02-28', '2024-02-28')).toBe('registered_under_one_year');
    expect(entityAgeIneligibility('2023-02-28', '2024-02-29')).toBeNull();
    expect(entityAgeIneligibility('2023-03-01', '2024-02-29')).toBe('registered_under_one_year');
    expect(entityAgeIneligibility('2023-03-01', '2024-03-02')).toBeNull();
    expect(entityAgeIneligibility('2027-02-28', '2028-02-29')).toBeNull();
  });

  it('refuses unknown, malformed and future registration dates as unknown', () => {
    for (const d of ['', '2020-13-01', '2021-02-29', '20200101', 'unknown', '2027-01-01'])
      expect(entityAgeIneligibility(d, '2026-11-23')).toBe('registration_date_unknown');
  });

  it('requires all three commitments: funds, premises, market', () => {
    const all = { fundsWan: 200, funds: '自有资金', premises: '厂房2000平方米', market: '全国经销网络' };
    expect(commitmentIneligibility(all)).toBeNull();
    expect(commitmentIneligibility(null)).toBe('commitment_funds');
    expect(commitmentIneligibility({ ...all, fundsWan: 0 })).toBe('commitment_funds');
    expect(commitmentIneligibility({ ...all, funds: '' })).toBe('commitment_funds');
    expect(commitmentIneligibility({ ...all, premises: '' })).toBe('commitment_premises');
    expect(commitmentIneligibility({ ...all, market: '' })).toBe('commitment_market');
    expect(entityIneligibility('2025-12-23', '2026-11-23', all)).toBe('registered_under_one_year');
    expect(entityIneligibility('2020-01-01', '2026-11-23', { ...all, market: '' })).toBe('commitment_market');
    expect(entityIneligibility('2020-01-01', '2026-11-23', all)).toBeNull();
  });
});
