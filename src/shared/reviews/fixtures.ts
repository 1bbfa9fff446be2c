/*
 * Seeded random instances of expert assignment, for the tests and `npm run bench -- assign`: experts in
 * institutions, items posted by one institution and taken by a team of another, domains and keywords
 * drawn with a skew (a few common words, many rare ones), affinities from affinity.ts and conflicts
 * from conflicts.ts. Deterministic for a seed.
 */
import { DOMAINS, type Domain } from '../roles.js';
import { affinityOfWeights, idfWeights, tokenWeights } from './affinity.js';
import type { AssignmentProblem } from './assignment.js';
import { buildConflicts, type ConflictTable, type ExpertProfile, type ItemParties } from './conflicts.js';

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RealisticOptions {
  items: number;
  experts: number;
  k: number;
  load: number;
  /** Institutions the experts and parties belong to (fewer → more conflicts). */
  institutions: number;
  seed: number;
}

export interface RealisticInstance {
  problem: AssignmentProblem;
  parties: ItemParties[];
  profiles: ExpertProfile[];
  conflicts: ConflictTable;
  /** Affinities, row-major items × experts. */
  matrix: Float64Array;
  /** Milliseconds spent computing the affinities. */
  affinityMs: number;
}

export function realisticInstance(o: RealisticOptions): RealisticInstance {
  const rnd = prng(o.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`);
  // Each domain draws from its own 160-word slice of the vocabulary (slices overlap), skewed to its first words.
  const word = (d: number) => vocabulary[(d * 40 + Math.floor(Math.pow(rnd(), 2.5) * 160)) % 400]!;
  const domainOf = (): number => int(DOMAINS.length);
  const words = (d: number, count: number) => Array.from({ length: count }, () => word(d));

  const profiles: ExpertProfile[] = [];
  const expertTopics: Array<{ domains: Domain[]; keywords: string[] }> = [];
  for (let e = 0; e < o.experts; e++) {
    const d1 = domainOf();
    const d2 = rnd() < 0.5 ? domainOf() : d1;
    const domains = d1 === d2 ? [DOMAINS[d1]!] : [DOMAINS[d1]!, DOMAINS[d2]!];
    expertTopics.push({ domains, keywords: [...words(d1, 6), ...words(d2, 2)] });
    profiles.push({ id: e, personId: `p${e}`, institution: int(o.institutions), declaredItemIds: [] });
  }
  const parties: ItemParties[] = [];
  const itemTopics: Array<{ domain: Domain; keywords: string[] }> = [];
  for (let i = 0; i < o.items; i++) {
    const d = domainOf();
    itemTopics.push({ domain: DOMAINS[d]!, keywords: words(d, 5) });
    // Now and then an expert is on the taking team; a few experts declare conflicts.
    const team = [`t${i}`, ...(rnd() < 0.05 ? [`p${int(o.experts)}`] : [])];
    parties.push({
      id: i,
      posterInstitution: int(o.institutions),
      takerInstitution: int(o.institutions),
      teamPersonIds: team,
    });
  }
  for (let j = 0; j < Math.ceil(o.items / 20); j++) {
    const p = profiles[int(o.experts)]!;
    p.declaredItemIds = [...(p.declaredItemIds ?? []), int(o.items)];
  }
  const conflicts = buildConflicts(parties, profiles);
  const t0 = performance.now();
  const weightOf = idfWeights([...itemTopics, ...expertTopics].map((t) => t.keywords));
  const matrix = new Float64Array(o.items * o.experts);
  const itemSides = itemTopics.map((t) => ({ domain: t.domain, tokens: tokenWeights(t.keywords, weightOf) }));
  const expertSides = expertTopics.map((t) => ({
    domains: t.domains,
    tokens: tokenWeights(t.keywords, weightOf),
  }));
  for (let i = 0; i < o.items; i++)
    for (let e = 0; e < o.experts; e++)
      matrix[i * o.experts + e] = affinityOfWeights(itemSides[i]!, expertSides[e]!).score;
  const affinityMs = performance.now() - t0;
  const m = o.experts;
  return {
    problem: {
      items: o.items,
      experts: o.experts,
      k: o.k,
      load: o.load,
      affinity: (i, e) => matrix[i * m + e]!,
      conflict: conflicts.has,
    },
    parties,
    profiles,
    conflicts,
    matrix,
    affinityMs,
  };
}
