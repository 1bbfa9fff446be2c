import { z } from 'zod';
import type { ChallengeKind } from '../challenges/form.js';

/*
 * Who may take (揭榜) a need — seed 002 §三(三): "技术攻关需求的揭榜方应为博士、博士后个人或以博士、博士后为主要
 * 成员的科研团队 … 博士后科研成果转化需求的揭榜方应为登记注册1年以上的法人单位实体 … 能够按照承诺书要求，提供成果
 * 转化的资金、场地、市场等配套条件". Pure functions: each returns null (eligible) or the key of the rule that
 * refuses, whose text (TAKING_REASONS) the refusal shows.
 */

/** A technical challenge is taken by one PhD/postdoc or a team; a commercialisation need by a legal entity. */
export const TAKER_KINDS = ['individual', 'team', 'unit'] as const;
export type TakerKind = (typeof TAKER_KINDS)[number];
export const TAKER_KINDS_BY_CHALLENGE: Record<ChallengeKind, readonly TakerKind[]> = {
  tech: ['individual', 'team'],
  transfer: ['unit'],
};

/** A person as the account's profile (person_profiles) describes them; null when there is no profile. */
export interface PersonFacts {
  degree: string | null;
  postdocStatus: string | null;
}

/**
 * A PhD (博士) or a postdoc (博士后): the doctorate degree, or in or out of a postdoc station (a postdoc holds
 * a doctorate, whatever the degree field says). A profile saying `phd` without the doctorate degree is not
 * enough: the degree is what the rule names.
 */
export function isPhdOrPostdoc(p: PersonFacts | null): boolean {
  if (!p) return false;
  return p.degree === 'doctorate' || p.postdocStatus === 'in_station' || p.postdocStatus === 'out_station';
}

/** An individual taker of a technical challenge must be a PhD or postdoc. */
export function individualIneligibility(p: PersonFacts | null): TakingReason | null {
  return isPhdOrPostdoc(p) ? null : 'individual_not_phd';
}

/** Checked when the team signs up: its leader must be a PhD or postdoc. */
export function teamLeaderIneligibility(leader: PersonFacts | null): TakingReason | null {
  return isPhdOrPostdoc(leader) ? null : 'team_leader_not_phd';
}

/** A team has its leader and at least one confirmed member (otherwise it is an individual taker). */
export const TEAM_MIN_SIZE = 2;

/**
 * "以博士、博士后为主要成员的科研团队" (seed 002 §三(三); issue #6: "a team whose leader and main members are
 * PhDs/postdocs"), made precise: counting the leader and the members who confirmed (invitations still open or
 * declined do not count),
 *   1. the leader is a PhD or postdoc;
 *   2. the team has at least TEAM_MIN_SIZE people;
 *   3. at least half of them are PhDs or postdocs (2 × PhDs ≥ size).
 * Checked again whenever a solution is submitted or replaced, so the team that submits is the one checked.
 */
export function teamIneligibility(
  leader: PersonFacts | null,
  confirmedMembers: readonly (PersonFacts | null)[],
): TakingReason | null {
  if (!isPhdOrPostdoc(leader)) return 'team_leader_not_phd';
  const size = 1 + confirmedMembers.length;
  if (size < TEAM_MIN_SIZE) return 'team_too_small';
  const phds = 1 + confirmedMembers.filter(isPhdOrPostdoc).length;
  return 2 * phds >= size ? null : 'team_not_mainly_phd';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date (YYYY-MM-DD), or null. */
function parseDate(s: string): { y: number; m: number; d: number } | null {
  const m = DATE.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

/**
 * The last day of the first year after `date` (中华人民共和国民法典 第二百零一条: the period starts the day after,
 * and a period in years ends on the corresponding day of the last month — or that month's last day when there
 * is none, so a year from 29 February ends on 28 February).
 */
export function oneYearAfter(date: string): string {
  const p = parseDate(date);
  if (!p) throw new Error(`not a date: ${date}`);
  const y = p.y + 1;
  const last = new Date(Date.UTC(y, p.m, 0)).getUTCDate();
  const d = Math.min(p.d, last);
  return `${y}-${String(p.m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * "登记注册1年以上": the entity's first year since registration has fully run, i.e. today is after the year's
 * last day (oneYearAfter). Registered 2025-11-24, it may take a need from 2026-11-25; an 11-month-old company,
 * or one whose year ends today, is refused. An unknown registration date (imported units store '') or one in
 * the future is refused as unknown: nobody can tell the entity's age.
 */
export function entityAgeIneligibility(registrationDate: string, today: string): TakingReason | null {
  if (!parseDate(registrationDate) || registrationDate > today) return 'registration_date_unknown';
  return today > oneYearAfter(registrationDate) ? null : 'registered_under_one_year';
}

/**
 * What a legal-entity taker commits to (承诺书: 资金、场地、市场): an amount and a description of the funds, the
 * premises, and the market channels. The form accepts blanks so that a missing commitment is refused by the
 * rule's own words rather than as a bare "required".
 */
export const EntityCommitments = z.object({
  fundsWan: z.number().int().min(0).max(1_000_000).default(0),
  funds: z.string().trim().max(1000).default(''),
  premises: z.string().trim().max(1000).default(''),
  market: z.string().trim().max(1000).default(''),
});
export type EntityCommitmentsData = z.infer<typeof EntityCommitments>;

export function commitmentIneligibility(c: EntityCommitmentsData | null): TakingReason | null {
  if (!c || c.fundsWan <= 0 || !c.funds) return 'commitment_funds';
  if (!c.premises) return 'commitment_premises';
  if (!c.market) return 'commitment_market';
  return null;
}

/** A commercialisation need's taker: a legal entity over a year old, committing all three conditions. */
export function entityIneligibility(
  registrationDate: string,
  today: string,
  commitments: EntityCommitmentsData | null,
): TakingReason | null {
  return entityAgeIneligibility(registrationDate, today) ?? commitmentIneligibility(commitments);
}

export const TAKING_REASONS = {
  individual_not_phd: {
    'zh-CN':
      '技术攻关需求的揭榜方应为博士、博士后个人或以博士、博士后为主要成员的科研团队：本人不是博士或博士后',
    en: 'A technical challenge is taken by a PhD or postdoc, or a team mainly of them: you are neither',
  },
  team_leader_not_phd: {
    'zh-CN': '科研团队的负责人须为博士或博士后',
    en: 'The leader of a team must be a PhD or postdoc',
  },
  team_too_small: {
    'zh-CN': '科研团队除负责人外至少须有 1 名已确认的成员，否则请以个人身份揭榜',
    en: 'A team needs at least one confirmed member besides its leader; otherwise take the need alone',
  },
  team_not_mainly_phd: {
    'zh-CN': '科研团队须以博士、博士后为主要成员：已确认成员（含负责人）中博士、博士后不少于一半',
    en: 'A team must consist mainly of PhDs/postdocs: at least half of its confirmed members, leader included',
  },
  unit_takes_transfer: {
    'zh-CN': '博士后科研成果转化需求的揭榜方应为登记注册1年以上的法人单位',
    en: 'A commercialisation need is taken by a legal entity registered for more than one year',
  },
  person_takes_tech: {
    'zh-CN': '技术攻关需求的揭榜方应为博士、博士后个人或科研团队，单位不能揭榜',
    en: 'A technical challenge is taken by PhDs/postdocs or their teams, not by a unit',
  },
  registration_date_unknown: {
    'zh-CN': '揭榜单位须登记注册1年以上：本单位的登记注册日期未知或有误，请先完善单位信息',
    en: 'The entity must be registered for over a year: its registration date is unknown or invalid',
  },
  registered_under_one_year: {
    'zh-CN': '揭榜单位须登记注册1年以上：本单位登记注册未满1年',
    en: 'The entity must be registered for more than one year: it is younger',
  },
  commitment_funds: {
    'zh-CN': '揭榜单位须承诺提供成果转化的资金（金额及说明）',
    en: 'The entity must commit funds (amount and description)',
  },
  commitment_premises: {
    'zh-CN': '揭榜单位须承诺提供成果转化的场地',
    en: 'The entity must commit premises',
  },
  commitment_market: {
    'zh-CN': '揭榜单位须承诺提供成果转化的市场渠道',
    en: 'The entity must commit market channels',
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;
export type TakingReason = keyof typeof TAKING_REASONS;

export function isTakingReason(k: string): k is TakingReason {
  return k in TAKING_REASONS;
}
