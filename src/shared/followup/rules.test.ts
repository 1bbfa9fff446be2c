import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  matchPriority,
  milestoneStatus,
  needsReminder,
  OutcomeReportInput,
  overdueMilestones,
} from './rules.js';

describe('milestone status', () => {
  it('is done once reached, overdue after the due date, due soon within 14 days', () => {
    expect(milestoneStatus({ due: '2026-01-10', doneOn: '2026-02-01' }, '2026-03-01')).toBe('done');
    expect(milestoneStatus({ due: '2026-01-10', doneOn: null }, '2026-01-11')).toBe('overdue');
    expect(milestoneStatus({ due: '2026-01-10', doneOn: null }, '2026-01-10')).toBe('due_soon');
    expect(milestoneStatus({ due: '2026-01-24', doneOn: null }, '2026-01-10')).toBe('due_soon');
    expect(milestoneStatus({ due: '2026-01-25', doneOn: null }, '2026-01-10')).toBe('open');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('lists only the overdue ones', () => {
    const list = [
      { id: 1, due: '2026-01-01', doneOn: null },
      { id: 2, due: '2026-01-01', doneOn: '2026-01-02' },
      { id: 3, due: '2026-12-01', doneOn: null },
    ];
    expect(overdueMilestones(list, '2026-06-01').map((m) => m.id)).toEqual([1]);
  });

  it('reminds an overdue milestone at most once a day', () => {
    const m = { due: '2026-01-01', doneOn: null };
    expect(needsReminder({ ...m, remindedOn: null }, '2026-01-02')).toBe(true);
    expect(needsReminder({ ...m, remindedOn: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(needsReminder({ ...m, remindedOn: '2026-01-02' }, '2026-01-03')).toBe(true);
    expect(needsReminder({ ...m, remindedOn: null }, '2026-01-01')).toBe(false);
    expect(needsReminder({ due: '2026-01-01', doneOn: '2026-01-05', remindedOn: null }, '2026-02-01')).toBe(
      false,
    );
  });
});

describe('揭榜对接优先', () => {
  const matches = [
    { challengeId: 1, title: '正极材料攻关', posterUnitId: 10, takerUnitId: null },
    { challengeId: 2, title: '百蕊草成果转化', posterUnitId: null, takerUnitId: 20 },
    { challengeId: 2, title: '百蕊草成果转化', posterUnitId: null, takerUnitId: 20 },
  ];
  it('flags a poster unit or taking unit without a station, with its matched needs once each', () => {
    expect(matchPriority(10, false, matches)).toEqual({ challenges: [{ id: 1, title: '正极材料攻关' }] });
    expect(matchPriority(20, false, matches)).toEqual({ challenges: [{ id: 2, title: '百蕊草成果转化' }] });
  });
  it('does not flag a unit with a station, or one that is no party', () => {
    expect(matchPriority(10, true, matches)).toBeNull();
    expect(matchPriority(30, false, matches)).toBeNull();
    expect(matchPriority(10, false, [])).toBeNull();
  });
});

describe('outcome report input', () => {
  it('requires the status and outcome and refuses negative figures', () => {
    const ok = OutcomeReportInput.safeParse({ period: '2026年', status: 'on_track', outcome: '完成小试' });
    expect(ok.success && ok.data.fundingWan).toBe(0);
    const bad = OutcomeReportInput.safeParse({ period: '', status: 'late', outcome: '', patents: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'outcome',
      'patents',
      'period',
      'status',
    ]);
  });
});
