import { z } from 'zod';

/*
 * 项目跟踪 (seed 002 §五(二): "持续做好揭榜交流对接的宣传指导、研发过程跟踪服务等工作，对接成功和研发成果信息要及时
 * 报送市人力资源社会保障局"): a matched need becomes a followed project with milestones, progress reports by the
 * parties and outcome reports by the district office to the city. Pure rules and input schemas; no I/O.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = z
  .string()
  .regex(DATE, { message: 'date_format' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { message: 'date_format' });

export const MilestoneInput = z.object({
  title: z.string().trim().min(1).max(200),
  due: date,
  deliverable: z.string().trim().max(1000).default(''),
});
export type MilestoneInputData = z.infer<typeof MilestoneInput>;

/** Marking a milestone done (with the date it was reached and a note) or reopening it. */
export const MilestoneDoneInput = z.object({
  done: z.boolean(),
  doneOn: date.optional(),
  note: z.string().trim().max(2000).default(''),
});

export const MILESTONE_REPORT_STATES = ['not_started', 'in_progress', 'done', 'delayed'] as const;

export const ProgressReportInput = z.object({
  /** 报告期, e.g. 2026年第3季度 or 2026-09. */
  period: z.string().trim().min(1).max(50),
  body: z.string().trim().min(1).max(10_000),
  milestones: z
    .array(z.object({ milestoneId: z.number().int().positive(), status: z.enum(MILESTONE_REPORT_STATES) }))
    .max(50)
    .default([]),
  attachmentIds: z.array(z.number().int().positive()).max(10).default([]),
});
export type ProgressReportData = z.infer<typeof ProgressReportInput>;

export const OUTCOME_STATUSES = ['on_track', 'delayed', 'completed', 'terminated'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const OutcomeReportInput = z.object({
  period: z.string().trim().min(1).max(50),
  status: z.enum(OUTCOME_STATUSES),
  outcome: z.string().trim().min(1).max(10_000),
  /** 投入经费（万元）. */
  fundingWan: z.number().min(0).max(10_000_000).default(0),
  /** 新产品 / 新工艺 (count). */
  products: z.number().int().min(0).max(100_000).default(0),
  /** 专利 (count). */
  patents: z.number().int().min(0).max(100_000).default(0),
  note: z.string().trim().max(3000).default(''),
});
export type OutcomeReportData = z.infer<typeof OutcomeReportInput>;

export const OUTCOME_STATES = ['draft', 'submitted', 'acknowledged', 'returned'] as const;
export type OutcomeState = (typeof OUTCOME_STATES)[number];

export type MilestoneStatus = 'done' | 'overdue' | 'due_soon' | 'open';

/** Days from `a` to `b` (YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A milestone not done whose due date has passed is overdue; within 14 days it is due soon. */
export function milestoneStatus(m: { due: string; doneOn: string | null }, today: string): MilestoneStatus {
  if (m.doneOn !== null) return 'done';
  const left = daysBetween(today, m.due);
  if (left < 0) return 'overdue';
  if (left <= 14) return 'due_soon';
  return 'open';
}

export function overdueMilestones<T extends { due: string; doneOn: string | null }>(
  list: readonly T[],
  today: string,
): T[] {
  return list.filter((m) => milestoneStatus(m, today) === 'overdue');
}

/** The daily reminder: an overdue milestone is reminded at most once a day (`remindedOn` is the last day). */
export function needsReminder(
  m: { due: string; doneOn: string | null; remindedOn: string | null },
  today: string,
): boolean {
  return milestoneStatus(m, today) === 'overdue' && (m.remindedOn === null || m.remindedOn < today);
}

export interface MatchParty {
  challengeId: number;
  title: string;
  posterUnitId: number | null;
  takerUnitId: number | null;
}

/**
 * 揭榜对接优先 (seed 002 §四: "对揭榜成功但尚未设立博士后平台的单位，优先支持设立博士后科研工作站或创新实践基地"):
 * a unit that is a party to a match (as poster unit or taking unit) and has no certified station is flagged;
 * the flag lists the matched needs. Null when the unit is not a party or already has a station.
 */
export function matchPriority(
  unitId: number,
  hasStation: boolean,
  matches: readonly MatchParty[],
): { challenges: Array<{ id: number; title: string }> } | null {
  if (hasStation) return null;
  const seen = new Set<number>();
  const challenges: Array<{ id: number; title: string }> = [];
  for (const m of matches) {
    if (m.posterUnitId !== unitId && m.takerUnitId !== unitId) continue;
    if (seen.has(m.challengeId)) continue;
    seen.add(m.challengeId);
    challenges.push({ id: m.challengeId, title: m.title });
  }
  return challenges.length > 0 ? { challenges } : null;
}

/** Station statuses that count as having a postdoc platform. */
export const PLATFORM_STATION_STATUSES = ['active', 'rectification'] as const;

export const OUTCOME_STATUS_LABELS: Record<OutcomeStatus, { 'zh-CN': string; en: string }> = {
  on_track: { 'zh-CN': '按计划推进', en: 'On track' },
  delayed: { 'zh-CN': '进度滞后', en: 'Delayed' },
  completed: { 'zh-CN': '已完成', en: 'Completed' },
  terminated: { 'zh-CN': '已终止', en: 'Terminated' },
};

export const OUTCOME_STATE_LABELS: Record<OutcomeState, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已报送', en: 'Submitted' },
  acknowledged: { 'zh-CN': '已确认', en: 'Acknowledged' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
};
