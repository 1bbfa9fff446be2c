/*
 * A greedy baseline for expert assignment, for tests and the benchmark only: items in order, each takes
 * its best available experts (eligible, load left). Fast and often good, but not optimal: an early item
 * can take the one expert a later item needed most (see assignment.test.ts).
 */
import { DEFAULT_K, pairKey, type AssignmentProblem, type Pair } from './assignment.js';

export interface GreedyResult {
  byItem: number[][];
  pairs: Pair[];
  totalAffinity: number;
  /** Items that got fewer than k experts. */
  short: number[];
}

export function assignGreedy(problem: AssignmentProblem): GreedyResult {
  const k = problem.k ?? DEFAULT_K;
  const { items: n, experts: m } = problem;
  const c = problem.conflict;
  const conflict = !c
    ? () => false
    : typeof c === 'function'
      ? c
      : (i: number, e: number) => c.has(pairKey(i, e));
  const left = new Int32Array(m);
  for (let e = 0; e < m; e++)
    left[e] = typeof problem.load === 'number' ? problem.load : (problem.load[e] ?? 0);
  const excluded = new Set((problem.excluded ?? []).map((p) => pairKey(p.item, p.expert)));
  const byItem: number[][] = Array.from({ length: n }, () => []);
  for (const p of problem.pinned ?? []) {
    byItem[p.item]!.push(p.expert);
    left[p.expert] = left[p.expert]! - 1;
  }
  let totalAffinity = 0;
  const pairs: Pair[] = [];
  const short: number[] = [];
  const aff = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const mine = byItem[i]!;
    const taken = new Set(mine);
    const options: number[] = [];
    for (let e = 0; e < m; e++) {
      if (left[e]! <= 0 || taken.has(e) || conflict(i, e) || excluded.has(pairKey(i, e))) continue;
      aff[e] = problem.affinity(i, e);
      options.push(e);
    }
    options.sort((a, b) => aff[b]! - aff[a]! || a - b);
    for (const e of options) {
      if (mine.length >= k) break;
      mine.push(e);
      left[e] = left[e]! - 1;
    }
    for (const e of mine) {
      totalAffinity += problem.affinity(i, e);
      pairs.push({ item: i, expert: e });
    }
    if (mine.length < k) short.push(i);
  }
  return { byItem, pairs, totalAffinity, short };
}
