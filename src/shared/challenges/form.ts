import { z } from 'zod';
import {
  DOMAINS,
  POSTDOC_STATUSES,
  todayInChina,
  UNIT_TYPES,
  type PostdocStatus,
  type UnitType,
} from '../roles.js';

/*
 * The two kinds of need of seed 002 §三(二): 技术攻关需求 (`tech`, posted by a unit) and 博士后科研成果转化需求
 * (`transfer`, posted by a postdoc in or out of station). Each posting has a public part (shown in the hall
 * to anyone) and a confidential part (only the poster and the reviewers ever receive it).
 */
export const CHALLENGE_KINDS = ['tech', 'transfer'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

/** Maturity of a result (技术成熟度), from the lab to industrial production. */
export const MATURITIES = ['lab', 'prototype', 'pilot', 'small_batch', 'industrialised'] as const;
export type Maturity = (typeof MATURITIES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).default('');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD deadline not before today (China time). */
export const Deadline = z
  .string()
  .regex(DATE, { message: 'date_format' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { message: 'date_format' })
  .refine((d) => d >= todayInChina(), { message: 'deadline_past' });

export const Contact = z.object({
  name: text(50),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{6,20}$/, { message: 'phone' }),
  email: z.union([z.literal(''), z.email({ message: 'email' })]).default(''),
});

export const Confidential = z.object({
  /** Anything the poster keeps from the public (names of sites, figures, trade secrets …). */
  details: optText(5000),
  contact: Contact,
  /** Uploaded file ids (the poster's own uploads). */
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
});

const common = {
  title: text(100),
  domain: z.enum(DOMAINS),
  /** The district (区县) the need belongs to. */
  regionId: z.number().int().positive(),
  deadline: Deadline,
  /** Public attachments (uploaded file ids, the poster's own): shown in the hall with the public part. */
  attachmentIds: z.array(z.number().int().positive()).max(20).optional(),
  confidential: Confidential,
};

export const TechChallenge = z.object({
  kind: z.literal('tech'),
  ...common,
  /** 需解决的技术难题. */
  problem: text(5000),
  /** 需达到的技术指标. */
  indicators: text(3000),
  /** 预期成果. */
  expectedOutcome: text(3000),
  /** Funding the unit commits (万元). */
  budgetWan: z.number().int().min(0).max(1_000_000),
  /** Support and conditions offered (场地、设备、数据、人员 …). */
  support: optText(3000),
});

export const Patent = z.object({
  number: text(40),
  title: text(200),
  owner: text(100),
});

export const TransferChallenge = z.object({
  kind: z.literal('transfer'),
  ...common,
  /** The result (成果简介). */
  achievement: text(5000),
  maturity: z.enum(MATURITIES),
  patents: z.array(Patent).max(30).default([]),
  /** Who owns the IP (知识产权归属). */
  ipOwnership: text(500),
  /** Market and users (市场与用户). */
  market: text(3000),
  /** What kind of partner is sought. */
  partnerSought: text(2000),
  /** Investment sought (万元). */
  budgetWan: z.number().int().min(0).max(1_000_000),
});

export const ChallengeInput = z.discriminatedUnion('kind', [TechChallenge, TransferChallenge]);
export type ChallengeInputData = z.infer<typeof ChallengeInput>;
export type TechChallengeData = z.infer<typeof TechChallenge>;
export type TransferChallengeData = z.infer<typeof TransferChallenge>;
export type ConfidentialData = z.infer<typeof Confidential>;

/** The public part of a posting: everything but `confidential`. */
export type PublicPart =
  Omit<TechChallengeData, 'confidential'> | Omit<TransferChallengeData, 'confidential'>;

export function publicPart(d: ChallengeInputData): PublicPart {
  const { confidential: _hidden, ...rest } = d;
  void _hidden;
  return rest;
}

/** The searchable public text (never the confidential part: a match would leak it). */
export function publicBody(p: PublicPart): string {
  if (p.kind === 'tech') return [p.problem, p.indicators, p.expectedOutcome, p.support].join('\n');
  return [
    p.achievement,
    p.ipOwnership,
    p.patents.map((x) => `${x.number} ${x.title}`).join('\n'),
    p.market,
    p.partnerSought,
  ].join('\n');
}

/** Unit types that may post a technical challenge (seed 002: 企业、科研院所等单位). */
export const TECH_POSTER_UNIT_TYPES: readonly UnitType[] = UNIT_TYPES;
/** A commercialisation need is posted by a postdoc in or out of station (seed 002 §三(二)). */
export const TRANSFER_POSTER_STATUSES: readonly PostdocStatus[] = POSTDOC_STATUSES.filter(
  (s) => s === 'in_station' || s === 'out_station',
);

export type PosterFacts =
  | { role: 'unit'; unitType: string | null }
  | { role: 'individual'; postdocStatus: string | null }
  | { role: 'other' };

/** Null when the poster may post this kind, else the reason key. */
export function posterIneligibility(kind: ChallengeKind, f: PosterFacts): string | null {
  if (kind === 'tech') {
    if (f.role !== 'unit') return 'tech_needs_unit';
    return TECH_POSTER_UNIT_TYPES.includes(f.unitType as UnitType) ? null : 'unit_type';
  }
  if (f.role !== 'individual') return 'transfer_needs_postdoc';
  return TRANSFER_POSTER_STATUSES.includes(f.postdocStatus as PostdocStatus) ? null : 'postdoc_status';
}

export const INELIGIBILITY_TEXT: Record<string, { 'zh-CN': string; en: string }> = {
  tech_needs_unit: {
    'zh-CN': '技术攻关需求须由企业、科研院所等单位发布',
    en: 'A technical challenge is posted by a unit',
  },
  unit_type: { 'zh-CN': '本单位类型不能发布技术攻关需求', en: 'This unit type may not post challenges' },
  transfer_needs_postdoc: {
    'zh-CN': '成果转化需求须由在站或出站博士后本人发布',
    en: 'A commercialisation need is posted by a postdoc',
  },
  postdoc_status: {
    'zh-CN': '仅在站或出站博士后可发布成果转化需求',
    en: 'Only postdocs in or out of station may post commercialisation needs',
  },
};
