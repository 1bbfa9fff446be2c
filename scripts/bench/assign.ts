/**
 * Benchmark of expert assignment (issue #8, src/shared/reviews): a seeded random instance of `--items`
 * items (default 2,000) × `--experts` experts (500), k = `--k` (3) experts per item, load limit `--load`
 * (15) items per expert, experts and parties spread over `--institutions` institutions (100; about 2 %
 * of the pairs conflict, with team members and declared conflicts). Times the exact optimiser (min-cost
 * flow over every eligible pair), the same with each item pruned to its `--candidates` (40) best
 * experts, and the greedy baseline; checks every answer independently (verify.ts) and prints the median
 * of `--runs` (3) runs. Target: the optimiser ≤ 5 s. Then, on a mid-size instance (`--mid=300x100`),
 * the gap that pruning to M candidates costs for several M.
 *
 *   npx tsx scripts/bench/assign.ts [--items=2000] [--experts=500] [--k=3] [--load=15]
 *                                   [--candidates=40] [--institutions=100] [--runs=3] [--seed=1] [--mid=300x100]
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { assignExperts, type AssignmentProblem } from '../../src/shared/reviews/assignment.js';
import { realisticInstance } from '../../src/shared/reviews/fixtures.js';
import { assignGreedy } from '../../src/shared/reviews/greedy.js';
import { checkAssignment } from '../../src/shared/reviews/verify.js';

export interface AssignBenchOptions {
  items: number;
  experts: number;
  k: number;
  load: number;
  candidates: number;
  institutions: number;
  runs: number;
  seed: number;
  midItems: number;
  midExperts: number;
}

interface Outcome {
  ms: number[];
  total: number;
  short: number;
  violations: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function run(
  p: AssignmentProblem,
  solve: (p: AssignmentProblem) => { byItem: number[][] },
  out: Outcome,
): void {
  const t0 = performance.now();
  const r = solve(p);
  out.ms.push(performance.now() - t0);
  const check = checkAssignment(p, r.byItem);
  out.total = check.totalAffinity;
  out.short = r.byItem.filter((x) => x.length < (p.k ?? 3)).length;
  out.violations = check.violations;
}

export async function benchAssign(o: AssignBenchOptions): Promise<void> {
  console.log(
    `\n== assign: ${o.items} items × ${o.experts} experts, k ${o.k}, load ≤ ${o.load}, ` +
      `${o.institutions} institutions, seed ${o.seed}, ${o.runs} run(s)`,
  );
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}`,
  );
  let t0 = performance.now();
  const inst = realisticInstance({ ...o, seed: o.seed });
  const pairs = o.items * o.experts;
  console.log(
    `instance built in ${((performance.now() - t0) / 1000).toFixed(1)} s (affinities ${(inst.affinityMs / 1000).toFixed(1)} s); ` +
      `${inst.conflicts.count} conflicting pairs (${((100 * inst.conflicts.count) / pairs).toFixed(2)} %); ` +
      `demand ${o.items * o.k} of capacity ${o.experts * o.load}`,
  );
  const fresh = (): Outcome => ({ ms: [], total: 0, short: 0, violations: [] });
  const exact = fresh();
  const pruned = fresh();
  const greedy = fresh();
  const edges = [0, 0];
  let fellBack = false;
  for (let i = 0; i < o.runs; i++) {
    run(
      inst.problem,
      (p) => {
        const r = assignExperts(p);
        edges[0] = r.stats.edges;
        return r;
      },
      exact,
    );
    run(
      { ...inst.problem, candidates: o.candidates },
      (p) => {
        const r = assignExperts(p);
        edges[1] = r.stats.edges;
        fellBack = r.stats.prunedFallback;
        return r;
      },
      pruned,
    );
    run(inst.problem, assignGreedy, greedy);
    console.log(
      `  run ${i + 1}: optimiser ${exact.ms[i]!.toFixed(0)} ms, pruned ${pruned.ms[i]!.toFixed(0)} ms, ` +
        `greedy ${greedy.ms[i]!.toFixed(0)} ms`,
    );
  }
  const rows: Array<[string, Outcome]> = [
    [`optimiser (all ${edges[0]} eligible pairs)`, exact],
    [
      fellBack
        ? `optimiser, top ${o.candidates} (fell back: all)`
        : `optimiser, top ${o.candidates} per item (${edges[1]} pairs)`,
      pruned,
    ],
    ['greedy baseline', greedy],
  ];
  console.log(
    '\n  solver                                          median ms   total affinity   vs optimiser   short   constraints',
  );
  for (const [name, r] of rows)
    console.log(
      `  ${name.padEnd(46)} ${median(r.ms).toFixed(0).padStart(9)}   ${r.total.toFixed(4).padStart(14)}   ` +
        `${((100 * r.total) / exact.total).toFixed(2).padStart(11)} %   ${String(r.short).padStart(5)}   ` +
        `${r.violations.length === 0 ? 'ok' : `${r.violations.length} violations, e.g. ${r.violations[0]}`}`,
    );
  const ok = median(exact.ms) <= 5000;
  console.log(
    `  target optimiser ≤ 5 s: ${ok ? 'met' : 'MISSED'} (${(median(exact.ms) / 1000).toFixed(2)} s)`,
  );

  // Pruning: the gap on a mid-size instance, for several M.
  const load = Math.ceil((1.25 * o.midItems * o.k) / o.midExperts);
  const mid = realisticInstance({
    items: o.midItems,
    experts: o.midExperts,
    k: o.k,
    load,
    institutions: Math.max(5, Math.round(o.institutions / (o.experts / o.midExperts))),
    seed: o.seed + 1,
  });
  t0 = performance.now();
  const full = assignExperts(mid.problem);
  const fullMs = performance.now() - t0;
  console.log(
    `\n  pruning on ${o.midItems} × ${o.midExperts} (k ${o.k}, load ≤ ${load}): ` +
      `unpruned ${full.totalAffinity.toFixed(4)} in ${fullMs.toFixed(0)} ms`,
  );
  for (const M of [o.k + 1, 2 * o.k, 10, 20, 40]) {
    t0 = performance.now();
    const r = assignExperts({ ...mid.problem, candidates: M });
    const ms = performance.now() - t0;
    const v = checkAssignment(mid.problem, r.byItem).violations.length;
    console.log(
      `    M = ${String(M).padStart(2)}: ${r.totalAffinity.toFixed(4)} (gap ${(100 * (1 - r.totalAffinity / full.totalAffinity)).toFixed(3)} %)` +
        ` in ${ms.toFixed(0)} ms${r.stats.prunedFallback ? ', fell back to unpruned' : ''}${v ? `, ${v} violations` : ''}`,
    );
  }
  // Greedy may leave items short (it has no way back); the optimiser must not break anything.
  if (!ok || [exact, pruned].some((r) => r.violations.length > 0)) process.exitCode = 1;
}

export function parseAssignArgs(argv: string[]): AssignBenchOptions {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, dflt: number, min: number): number => {
    const v = Number(get(name) ?? dflt);
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return v;
  };
  const mid = (get('mid') ?? '300x100').split('x').map(Number);
  if (mid.length !== 2 || !mid.every((x) => Number.isInteger(x) && x > 0))
    throw new Error('--mid must look like 300x100');
  return {
    items: num('items', 2000, 1),
    experts: num('experts', 500, 1),
    k: num('k', 3, 1),
    load: num('load', 15, 1),
    candidates: num('candidates', 40, 1),
    institutions: num('institutions', 100, 1),
    runs: num('runs', 3, 1),
    seed: num('seed', 1, 0),
    midItems: mid[0]!,
    midExperts: mid[1]!,
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  await benchAssign(parseAssignArgs(process.argv.slice(2)));
}
