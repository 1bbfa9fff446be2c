import { z } from 'zod';

/*
 * 揭榜成果公布 and 活动与大赛 (seed 002 §四/§五): the municipal office's results announcements, events with
 * participants and projects, recommendations to the innovation and entrepreneurship competition, and the
 * certificates (证明) of participation and of a successful match. Pure rules and input schemas; no I/O.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (d: unknown): boolean =>
  typeof d === 'string' && DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
export const dateField = z.string().refine(isDate, { message: 'date_format' });

export const ANNOUNCEMENT_STATES = ['draft', 'published', 'withdrawn'] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];

export const ANNOUNCEMENT_STATE_LABELS: Record<AnnouncementState, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  published: { 'zh-CN': '已发布', en: 'Published' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

export const ItemInput = z.object({
  solutionId: z.number().int().positive(),
  /** The public summary (the office may edit it; never the confidential part). */
  summary: z.string().trim().max(1000).default(''),
});

export const AnnouncementInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    periodFrom: dateField,
    periodTo: dateField,
    intro: z.string().trim().max(5000).default(''),
    items: z.array(ItemInput).max(500).default([]),
  })
  .superRefine((v, ctx) => {
    if (isDate(v.periodFrom) && isDate(v.periodTo) && v.periodTo < v.periodFrom)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'period_order' });
    const seen = new Set<number>();
    v.items.forEach((it, i) => {
      if (seen.has(it.solutionId))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'solutionId'], message: 'item_duplicate' });
      seen.add(it.solutionId);
    });
  });
export type AnnouncementData = z.infer<typeof AnnouncementInput>;

export const EVENT_KINDS = ['matching_day', 'roadshow', 'training', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, { 'zh-CN': string; en: string }> = {
  matching_day: { 'zh-CN': '现场对接会', en: 'On-site matching day' },
  roadshow: { 'zh-CN': '路演', en: 'Roadshow' },
  training: { 'zh-CN': '培训', en: 'Training' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const EventInput = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(EVENT_KINDS),
  heldOn: dateField,
  place: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(''),
  regionId: z.number().int().positive().nullable().default(null),
});
export type EventData = z.infer<typeof EventInput>;

export const RecommendInput = z.object({
  recommendedOn: dateField,
  note: z.string().trim().max(2000).default(''),
});

export const CERTIFICATE_KINDS = ['participation', 'match'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_TITLES: Record<CertificateKind, { 'zh-CN': string; en: string }> = {
  participation: { 'zh-CN': '活动参与证明', en: 'Certificate of participation' },
  match: { 'zh-CN': '揭榜对接成功证明', en: 'Certificate of successful match' },
};

/** `BH-ZM-2026-000042` (证明) for a participation, `BH-JB-2026-000042` (揭榜) for a match. */
export function certificateNumber(kind: CertificateKind, year: number, id: number): string {
  return `BH-${kind === 'match' ? 'JB' : 'ZM'}-${year}-${String(id).padStart(6, '0')}`;
}

/** Is the match date (YYYY-MM-DD) inside the period, both ends included? */
export function inPeriod(day: string, from: string, to: string): boolean {
  return day >= from && day <= to;
}

/** The public name of a taker: the unit, the team (with its leader), or the person. */
export function takerDisplayName(t: {
  kind: string;
  unitName: string | null;
  teamName: string;
  leaderName: string;
}): string {
  if (t.kind === 'unit' && t.unitName) return t.unitName;
  if (t.kind === 'team') return t.teamName ? `${t.teamName}（负责人：${t.leaderName}）` : t.leaderName;
  return t.leaderName;
}

/** A short public summary to start from: the first sentence of the approach, at most `max` characters. */
export function defaultSummary(approach: string, max = 120): string {
  const first = approach.trim().split(/(?<=[。！？.!?])/)[0] ?? '';
  return first.length <= max ? first : `${first.slice(0, max - 1)}…`;
}
