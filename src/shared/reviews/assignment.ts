/*
 * Expert assignment (issue #8): give each item exactly k experts, maximising the total affinity, subject
 * to conflicts of interest, each expert's load limit, pairs the office pinned by hand and pairs excluded
 * (recusals). Solved exactly as a min-cost flow (flow.ts) with costs = (max affinity − affinity) scaled
 * to integers — every feasible answer carries the same number of units, so the shift changes nothing but
 * makes the costs non-negative. Items and experts are indices 0 .. n − 1 and 0 .. m − 1; the caller maps
 * its ids. Pure: no database. See README.md in this folder.
 */
import { solveBipartiteFlow } from './flow.js';

export interface Pair {
  item: number;
  expert: number;
}

/** The key of a pair in a conflict set. */
export const pairKey = (item: number, expert: number): string => `${item}:${expert}`;

export type ConflictInput = ((item: number, expert: number) => boolean) | ReadonlySet<string>;

export interface AssignmentProblem {
  items: number;
  experts: number;
  /** Experts per item (default 3). */
  k?: number;
  /** Maximum items per expert: one number for all, or one per expert. */
  load: number | ArrayLike<number>;
  /** Affinity of an expert for an item; higher is better. Values are scaled by `scale` and rounded. */
  affinity: (item: number, expert: number) => number;
  /** Forbidden pairs: a predicate or a set of pairKey()s. */
  conflict?: ConflictInput;
  /** Pairs fixed by hand; they count towards k and the expert's load. */
  pinned?: readonly Pair[];
  /** Pairs that must not be assigned (a recusal). */
  excluded?: readonly Pair[];
  /**
   * Keep only each item's `candidates` best eligible experts (a heuristic for large instances; if it
   * leaves an item short the problem is solved again without it). Default: every eligible expert.
   */
  candidates?: number;
  /** Affinity units per integer cost unit (default 10,000: exact for affinities with ≤ 4 decimals). */
  scale?: number;
}

export type ShortReason = 'not_enough_eligible_experts' | 'load_exhausted';

export interface Shortfall {
  item: number;
  needed: number;
  assigned: number;
  /** Experts neither conflicted nor excluded for this item (pinned ones included). */
  eligible: number;
  conflicted: number;
  excluded: number;
  /**
   * not_enough_eligible_experts: fewer than k experts may review the item at all; load_exhausted: there
   * are enough, but their load limits are taken by other items.
   */
  reason: ShortReason;
}

export type PinReason = 'out_of_range' | 'duplicate' | 'conflict' | 'excluded' | 'over_k' | 'over_load';
export interface PinProblem {
  pair: Pair;
  reason: PinReason;
}

export interface AssignmentResult {
  /** True when every item got exactly k experts and every pin was applied. */
  feasible: boolean;
  /** Experts of each item, pinned first, then by decreasing affinity. */
  byItem: number[][];
  pairs: Pair[];
  totalAffinity: number;
  shortfalls: Shortfall[];
  pinProblems: PinProblem[];
  stats: {
    /** Item × expert edges in the flow network. */
    edges: number;
    augmentations: number;
    /** True when the candidate pruning left an item short and the full problem was solved instead. */
    prunedFallback: boolean;
    ms: number;
  };
}

export const DEFAULT_K = 3;
const DEFAULT_SCALE = 10_000;

function conflictPredicate(c: ConflictInput | undefined): (i: number, e: number) => boolean {
  if (!c) return () => false;
  if (typeof c === 'function') return c;
  return (i, e) => c.has(pairKey(i, e));
}

function validate(p: AssignmentProblem, k: number): void {
  const int = (v: number, min: number) => Number.isInteger(v) && v >= min;
  if (!int(p.items, 0) || !int(p.experts, 0)) throw new RangeError('items and experts must be integers ≥ 0');
  if (!int(k, 1)) throw new RangeError('k must be an integer ≥ 1');
  if (typeof p.load !== 'number' && p.load.length !== p.experts)
    throw new RangeError('load must have one entry per expert');
  if (p.candidates !== undefined && !int(p.candidates, 1))
    throw new RangeError('candidates must be an integer ≥ 1');
}

export function assignExperts(problem: AssignmentProblem): AssignmentResult {
  const t0 = performance.now();
  const k = problem.k ?? DEFAULT_K;
  validate(problem, k);
  const { items: n, experts: m } = problem;
  const conflict = conflictPredicate(problem.conflict);
  const loadOf = (e: number) => (typeof problem.load === 'number' ? problem.load : (problem.load[e] ?? 0));

  const excluded = new Set<string>();
  for (const p of problem.excluded ?? []) excluded.add(pairKey(p.item, p.expert));

  // Pins: applied in the given order while valid; the rest are reported.
  const pinProblems: PinProblem[] = [];
  const pinnedOf: number[][] = Array.from({ length: n }, () => []);
  const pinnedSet = new Set<string>();
  const demand = new Int32Array(n).fill(k);
  const capacity = new Int32Array(m);
  for (let e = 0; e < m; e++) capacity[e] = Math.max(0, Math.floor(loadOf(e)));
  for (const pair of problem.pinned ?? []) {
    const { item: i, expert: e } = pair;
    const key = pairKey(i, e);
    const inRange = (x: number, size: number) => Number.isInteger(x) && x >= 0 && x < size;
    let reason: PinReason | null = null;
    if (!inRange(i, n) || !inRange(e, m)) reason = 'out_of_range';
    else if (pinnedSet.has(key)) reason = 'duplicate';
    else if (conflict(i, e)) reason = 'conflict';
    else if (excluded.has(key)) reason = 'excluded';
    else if (demand[i]! <= 0) reason = 'over_k';
    else if (capacity[e]! <= 0) reason = 'over_load';
    if (reason) {
      pinProblems.push({ pair: { item: i, expert: e }, reason });
      continue;
    }
    pinnedSet.add(key);
    pinnedOf[i]!.push(e);
    demand[i] = demand[i]! - 1;
    capacity[e] = capacity[e]! - 1;
  }

  // Eligible pairs and their affinities.
  const eligibleCount = new Int32Array(n);
  const conflictedCount = new Int32Array(n);
  const excludedCount = new Int32Array(n);
  const candExperts: Int32Array[] = [];
  const candAff: Float64Array[] = [];
  const row = new Float64Array(m);
  const idx = new Int32Array(m);
  let maxAff = -Infinity;
  let anyPruned = false;
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let e = 0; e < m; e++) {
      if (conflict(i, e)) {
        conflictedCount[i]!++;
        continue;
      }
      const key = pairKey(i, e);
      if (excluded.has(key)) {
        excludedCount[i]!++;
        continue;
      }
      eligibleCount[i]!++;
      if (pinnedSet.has(key) || demand[i]! <= 0) continue;
      const a = problem.affinity(i, e);
      if (!Number.isFinite(a)) throw new RangeError(`affinity(${i}, ${e}) is not a finite number`);
      row[e] = a;
      idx[c++] = e;
    }
    const chosen = idx.slice(0, c);
    const limit = problem.candidates;
    let kept = chosen;
    if (limit !== undefined && c > limit) {
      kept = chosen.sort((a, b) => row[b]! - row[a]! || a - b).slice(0, limit);
      anyPruned = true;
    }
    const affs = new Float64Array(kept.length);
    for (let j = 0; j < kept.length; j++) {
      affs[j] = row[kept[j]!]!;
      if (affs[j]! > maxAff) maxAff = affs[j]!;
    }
    candExperts.push(kept);
    candAff.push(affs);
  }

  const scale = problem.scale ?? DEFAULT_SCALE;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + candExperts[i]!.length;
  const E = start[n]!;
  const expert = new Int32Array(E);
  const cost = new Float64Array(E);
  const aff = new Float64Array(E);
  for (let i = 0; i < n; i++) {
    const ex = candExperts[i]!;
    const af = candAff[i]!;
    for (let j = 0; j < ex.length; j++) {
      const x = start[i]! + j;
      expert[x] = ex[j]!;
      aff[x] = af[j]!;
      cost[x] = Math.round(maxAff * scale) - Math.round(af[j]! * scale);
    }
  }

  const solved = solveBipartiteFlow({ items: n, experts: m, demand, capacity, start, expert, cost });
  if (anyPruned && solved.short.some((s) => s > 0)) {
    // Pruning may cost feasibility (never the other way round): solve the full problem instead.
    const full = assignExperts({ ...problem, candidates: undefined });
    full.stats.prunedFallback = true;
    full.stats.ms = performance.now() - t0;
    return full;
  }

  const byItem: number[][] = [];
  const pairs: Pair[] = [];
  let totalAffinity = 0;
  const shortfalls: Shortfall[] = [];
  for (let i = 0; i < n; i++) {
    const mine = [...pinnedOf[i]!];
    for (const e of mine) totalAffinity += problem.affinity(i, e);
    const chosen: Array<[number, number]> = [];
    for (let x = start[i]!; x < start[i + 1]!; x++) if (solved.flow[x]) chosen.push([expert[x]!, aff[x]!]);
    chosen.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [e, a] of chosen) {
      mine.push(e);
      totalAffinity += a;
    }
    byItem.push(mine);
    for (const e of mine) pairs.push({ item: i, expert: e });
    if (mine.length < k) {
      shortfalls.push({
        item: i,
        needed: k,
        assigned: mine.length,
        eligible: eligibleCount[i]!,
        conflicted: conflictedCount[i]!,
        excluded: excludedCount[i]!,
        reason: eligibleCount[i]! < k ? 'not_enough_eligible_experts' : 'load_exhausted',
      });
    }
  }
  return {
    feasible: shortfalls.length === 0 && pinProblems.length === 0,
    byItem,
    pairs,
    totalAffinity,
    shortfalls,
    pinProblems,
    stats: {
      edges: E,
      augmentations: solved.augmentations,
      prunedFallback: false,
      ms: performance.now() - t0,
    },
  };
}

export interface ReassignResult extends AssignmentResult {
  /** The pairs that replace the recused ones. */
  added: Pair[];
}

/**
 * A recusal: the expert of each `recused` pair steps down. Every other pair of `current` stays fixed
 * (pinned, in addition to the problem's own pins) and the recused pairs are excluded, so only the freed
 * places are filled again, optimally given everything else.
 */
export function reassign(
  problem: AssignmentProblem,
  current: readonly Pair[],
  recused: Pair | readonly Pair[],
): ReassignResult {
  const out = Array.isArray(recused) ? (recused as readonly Pair[]) : [recused as Pair];
  const gone = new Set(out.map((p) => pairKey(p.item, p.expert)));
  const keep = current.filter((p) => !gone.has(pairKey(p.item, p.expert)));
  const kept = new Set(keep.map((p) => pairKey(p.item, p.expert)));
  const extraPins = (problem.pinned ?? []).filter(
    (p) => !kept.has(pairKey(p.item, p.expert)) && !gone.has(pairKey(p.item, p.expert)),
  );
  const result = assignExperts({
    ...problem,
    pinned: [...keep, ...extraPins],
    excluded: [...(problem.excluded ?? []), ...out],
  });
  const before = new Set(current.map((p) => pairKey(p.item, p.expert)));
  return { ...result, added: result.pairs.filter((p) => !before.has(pairKey(p.item, p.expert))) };
}
