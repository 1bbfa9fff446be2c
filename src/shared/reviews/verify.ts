/*
 * An independent check of an assignment against its problem (used by the tests and the benchmark):
 * every item has exactly k distinct experts, none conflicted or excluded, every pin kept, no expert over
 * their load; and the total affinity recomputed from scratch.
 */
import { DEFAULT_K, pairKey, type AssignmentProblem } from './assignment.js';

export interface Check {
  violations: string[];
  totalAffinity: number;
}

export function checkAssignment(problem: AssignmentProblem, byItem: readonly (readonly number[])[]): Check {
  const k = problem.k ?? DEFAULT_K;
  const violations: string[] = [];
  const c = problem.conflict;
  const conflict = !c
    ? () => false
    : typeof c === 'function'
      ? c
      : (i: number, e: number) => c.has(pairKey(i, e));
  const excluded = new Set((problem.excluded ?? []).map((p) => pairKey(p.item, p.expert)));
  const count = new Int32Array(problem.experts);
  let totalAffinity = 0;
  if (byItem.length !== problem.items) violations.push(`${byItem.length} items instead of ${problem.items}`);
  byItem.forEach((experts, i) => {
    if (experts.length !== k) violations.push(`item ${i} has ${experts.length} experts, not ${k}`);
    if (new Set(experts).size !== experts.length) violations.push(`item ${i} has an expert twice`);
    for (const e of experts) {
      if (!(e >= 0 && e < problem.experts)) violations.push(`item ${i}: no expert ${e}`);
      if (conflict(i, e)) violations.push(`item ${i}: expert ${e} is in conflict`);
      if (excluded.has(pairKey(i, e))) violations.push(`item ${i}: expert ${e} is excluded`);
      count[e] = count[e]! + 1;
      totalAffinity += problem.affinity(i, e);
    }
  });
  for (const p of problem.pinned ?? [])
    if (!byItem[p.item]?.includes(p.expert)) violations.push(`pin ${p.item}:${p.expert} not kept`);
  for (let e = 0; e < problem.experts; e++) {
    const limit = typeof problem.load === 'number' ? problem.load : (problem.load[e] ?? 0);
    if (count[e]! > limit) violations.push(`expert ${e} has ${count[e]} items, limit ${limit}`);
  }
  return { violations, totalAffinity };
}
