import { z } from 'zod';

/*
 * The taker's solution (揭榜方案, seed 002 §三(三): "提出技术攻关的可行性解决方案 … 提交揭榜方案"): a structured
 * approach, milestones, budget, team and expected indicators, with attachments. Drafted, submitted before the
 * need's deadline, replaced until the deadline, or withdrawn.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).default('');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const Milestone = z.object({
  title: text(200),
  due: z
    .string()
    .regex(DATE, { message: 'date_format' })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { message: 'date_format' }),
  deliverable: optText(1000),
});

export const SolutionInput = z.object({
  /** 技术路线 / 实施方案. */
  approach: text(10_000),
  milestones: z.array(Milestone).min(1).max(30),
  /** The budget the solution needs (万元) and how it is spent. */
  budgetWan: z.number().int().min(0).max(1_000_000),
  budgetNote: optText(3000),
  /** Who does what (the confirmed members are listed by the platform; this says their roles). */
  team: optText(3000),
  /** 预期指标. */
  indicators: text(3000),
  /** Uploaded file ids (the taker's own uploads): shown to the poster only after the 保密书. */
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
});
export type SolutionInputData = z.infer<typeof SolutionInput>;

export const SOLUTION_STATES = ['draft', 'submitted', 'withdrawn'] as const;
export type SolutionState = (typeof SOLUTION_STATES)[number];

export const SIGNUP_STATES = ['active', 'withdrawn'] as const;
export type SignupState = (typeof SIGNUP_STATES)[number];

export const MEMBER_STATES = ['invited', 'confirmed', 'declined'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

export const TAKING_STATE_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  active: { 'zh-CN': '已报名', en: 'Signed up' },
  invited: { 'zh-CN': '待确认', en: 'Invited' },
  confirmed: { 'zh-CN': '已确认', en: 'Confirmed' },
  declined: { 'zh-CN': '已拒绝', en: 'Declined' },
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

export const DECISION_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  pending: { 'zh-CN': '待处理', en: 'Pending' },
  shortlisted: { 'zh-CN': '已入围', en: 'Shortlisted' },
  proposed: { 'zh-CN': '待揭榜方确认', en: 'Match proposed' },
  matched: { 'zh-CN': '对接成功', en: 'Matched' },
  rejected: { 'zh-CN': '未采纳', en: 'Rejected' },
};
