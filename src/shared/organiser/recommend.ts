import type { ChallengeKind } from '../challenges/form.js';
import type { Domain } from '../roles.js';
import { entityAgeIneligibility, isPhdOrPostdoc, type PersonFacts } from '../taking/eligibility.js';

/*
 * Recommendations for 揭榜领题 (issue #6, seed 002 §三(一) 主办方 "匹配"): for a need, the registered people and
 * units that fit it best; for a person or unit, the open needs that fit them best. Pure: the server gathers
 * the features (keywords come segmented by jieba) and this scores them, with the reasons shown to the user.
 *
 * Score in [0, 1], the sum of four signals:
 *   domain    0.40  the need's domain is one of the candidate's (profile, or where they were active)
 *   keywords  0.35  shared keywords, saturating at 3 (0.35 × min(1, shared / 3))
 *   activity  0.15  past 揭榜 in this domain: a match counts 2, a submitted solution 1, saturating at 4
 *   district  0.10  the same district (matching on site is easier)
 * A candidate with neither a domain nor a keyword in common is not recommended, whatever else holds;
 * a candidate the rules would refuse (seed 002 §三(三)) is never listed. Ties: lower id first.
 */
export const WEIGHTS = { domain: 0.4, keywords: 0.35, activity: 0.15, district: 0.1 } as const;
const KEYWORD_SATURATION = 3;
const ACTIVITY_SATURATION = 4;

export interface NeedFeatures {
  id: number;
  kind: ChallengeKind;
  domain: Domain;
  /** Keywords of the title and public text (segmented, lower-case for Latin). */
  words: readonly string[];
  regionId: number;
  /** Last day for solutions (YYYY-MM-DD). */
  deadline: string;
}

export interface ActivityFact {
  domain: Domain;
  what: 'signup' | 'solution' | 'match';
}

export interface CandidateFeatures {
  kind: 'person' | 'unit';
  id: number;
  /** The profile's domains (a person's research field, a unit's posting domains). */
  domains: readonly Domain[];
  words: readonly string[];
  regionId: number | null;
  activity: readonly ActivityFact[];
  /** A person's degree and postdoc status (the tech-need rule). */
  person?: PersonFacts | null;
  /** A unit's registration date (the one-year rule of commercialisation needs). */
  registrationDate?: string | null;
}

export type Reason =
  | { code: 'same_domain'; domain: Domain }
  | { code: 'keywords'; words: string[] }
  | { code: 'past_matches'; count: number }
  | { code: 'past_solutions'; count: number }
  | { code: 'same_district' };

export interface Scored<T> {
  item: T;
  score: number;
  reasons: Reason[];
}

/** Whether the seed's rules let this candidate take this kind of need at all. */
export function mayTake(kind: ChallengeKind, c: CandidateFeatures, today: string): boolean {
  if (kind === 'tech') return c.kind === 'person' && isPhdOrPostdoc(c.person ?? null);
  return (
    c.kind === 'unit' && !!c.registrationDate && entityAgeIneligibility(c.registrationDate, today) === null
  );
}

/** The candidate and need in one score with its reasons; null when they share neither domain nor keyword. */
export function scorePair(
  need: NeedFeatures,
  c: CandidateFeatures,
): { score: number; reasons: Reason[] } | null {
  const reasons: Reason[] = [];
  let score = 0;
  const activeDomains = new Set(c.activity.map((a) => a.domain));
  if (c.domains.includes(need.domain) || activeDomains.has(need.domain)) {
    score += WEIGHTS.domain;
    reasons.push({ code: 'same_domain', domain: need.domain });
  }
  const theirs = new Set(c.words);
  const shared = [...new Set(need.words)].filter((w) => theirs.has(w));
  if (shared.length > 0) {
    score += WEIGHTS.keywords * Math.min(1, shared.length / KEYWORD_SATURATION);
    reasons.push({ code: 'keywords', words: shared.slice(0, 5) });
  }
  if (reasons.length === 0) return null;
  const here = c.activity.filter((a) => a.domain === need.domain);
  const matches = here.filter((a) => a.what === 'match').length;
  const solutions = here.filter((a) => a.what === 'solution').length;
  if (matches + solutions > 0) {
    score += WEIGHTS.activity * Math.min(1, (2 * matches + solutions) / ACTIVITY_SATURATION);
    if (matches > 0) reasons.push({ code: 'past_matches', count: matches });
    if (solutions > 0) reasons.push({ code: 'past_solutions', count: solutions });
  }
  if (c.regionId !== null && c.regionId === need.regionId) {
    score += WEIGHTS.district;
    reasons.push({ code: 'same_district' });
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

const byScoreThenId = <T extends { id: number }>(a: Scored<T>, b: Scored<T>): number =>
  b.score - a.score || a.item.id - b.item.id;

/** The k candidates that fit the need best (only those the rules let take it). */
export function rankTakersForNeed(
  need: NeedFeatures,
  candidates: readonly CandidateFeatures[],
  today: string,
  k = 10,
): Array<Scored<CandidateFeatures>> {
  const out: Array<Scored<CandidateFeatures>> = [];
  for (const c of candidates) {
    if (!mayTake(need.kind, c, today)) continue;
    const s = scorePair(need, c);
    if (s) out.push({ item: c, ...s });
  }
  return out.sort(byScoreThenId).slice(0, k);
}

/** The k open needs that fit the candidate best (deadline not passed, and the rules let them take it). */
export function rankNeedsForCandidate(
  candidate: CandidateFeatures,
  needs: readonly NeedFeatures[],
  today: string,
  k = 10,
): Array<Scored<NeedFeatures>> {
  const out: Array<Scored<NeedFeatures>> = [];
  for (const n of needs) {
    if (n.deadline < today || !mayTake(n.kind, candidate, today)) continue;
    const s = scorePair(n, candidate);
    if (s) out.push({ item: n, ...s });
  }
  return out.sort(byScoreThenId).slice(0, k);
}
