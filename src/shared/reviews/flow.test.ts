import { describe, expect, it } from 'vitest';
import { assignExperts, type AssignmentProblem } from './assignment.js';
import { prng, realisticInstance } from './fixtures.js';
import { checkAssignment } from './verify.js';

/**
 * A textbook min-cost max-flow (super source, Bellman–Ford on every augmentation, no potentials), as an
 * independent reference on instances too large for brute force. Returns [flow, maximum total affinity].
 */
function referenceMaxAffinity(p: AssignmentProblem): [number, number] {
  const k = p.k ?? 3;
  const n = p.items;
  const m = p.experts;
  const S = n + m;
  const T = S + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: T + 1 }, () => []);
  const edge = (u: number, v: number, c: number, w: number) => {
    for (const [a, b, c2, w2] of [
      [u, v, c, w],
      [v, u, 0, -w],
    ] as const) {
      adj[a]!.push(to.length);
      to.push(b);
      cap.push(c2);
      cost.push(w2);
    }
  };
  const conflict = p.conflict as (i: number, e: number) => boolean;
  for (let i = 0; i < n; i++) edge(S, i, k, 0);
  for (let i = 0; i < n; i++)
    for (let e = 0; e < m; e++)
      if (!conflict(i, e)) edge(i, n + e, 1, -Math.round(p.affinity(i, e) * 10_000));
  for (let e = 0; e < m; e++) edge(n + e, T, typeof p.load === 'number' ? p.load : p.load[e]!, 0);
  let flow = 0;
  let total = 0;
  for (;;) {
    const dist = new Array<number>(T + 1).fill(Infinity);
    const via = new Array<number>(T + 1).fill(-1);
    dist[S] = 0;
    for (let round = 0, changed = true; changed && round <= T; round++) {
      changed = false;
      for (let u = 0; u <= T; u++) {
        if (dist[u] === Infinity) continue;
        for (const x of adj[u]!) {
          if (cap[x]! > 0 && dist[u]! + cost[x]! < dist[to[x]!]!) {
            dist[to[x]!] = dist[u]! + cost[x]!;
            via[to[x]!] = x;
            changed = true;
          }
        }
      }
    }
    if (dist[T] === Infinity) break;
    for (let v = T; v !== S; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]!--;
      cap[via[v]! ^ 1]!++;
    }
    flow++;
    total -= dist[T]!;
  }
  return [flow, total / 10_000];
}

function mediumInstance(seed: number): AssignmentProblem {
  const rnd = prng(seed);
  const items = 12 + Math.floor(rnd() * 20);
  const experts = 6 + Math.floor(rnd() * 10);
  const k = 1 + Math.floor(rnd() * 3);
  const aff = Array.from({ length: items * experts }, () => Math.round(rnd() * 10_000) / 10_000);
  const bad = new Uint8Array(items * experts).map(() => (rnd() < 0.15 ? 1 : 0));
  const load = Array.from({ length: experts }, () => 1 + Math.floor(rnd() * ((items * k) / experts + 2)));
  return {
    items,
    experts,
    k,
    load,
    affinity: (i, e) => aff[i * experts + e]!,
    conflict: (i, e) => bad[i * experts + e] === 1,
  };
}

describe('the flow solver against a textbook min-cost max-flow', () => {
  it('finds the same optimum and the same maximum flow on 120 medium instances', () => {
    let feasible = 0;
    let infeasible = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const p = mediumInstance(seed);
      const [flow, best] = referenceMaxAffinity(p);
      const r = assignExperts(p);
      expect(r.pairs.length, `seed ${seed}`).toBe(flow);
      expect(r.feasible, `seed ${seed}`).toBe(flow === p.items * (p.k ?? 3));
      if (!r.feasible) {
        infeasible++;
        continue;
      }
      feasible++;
      expect(r.totalAffinity, `seed ${seed}`).toBeCloseTo(best, 6);
      expect(checkAssignment(p, r.byItem).violations).toEqual([]);
    }
    // Both kinds: on the infeasible ones the equal flow shows the partial answer is a maximum flow.
    expect(feasible).toBeGreaterThan(30);
    expect(infeasible).toBeGreaterThan(10);
  });
});

describe('candidate pruning (a heuristic)', () => {
  it('keeps every constraint, stays close to the optimum, and never beats it', () => {
    const inst = realisticInstance({ items: 120, experts: 40, k: 3, load: 12, institutions: 15, seed: 5 });
    const full = assignExperts(inst.problem);
    const pruned = assignExperts({ ...inst.problem, candidates: 8 });
    expect(full.feasible && pruned.feasible).toBe(true);
    expect(checkAssignment(inst.problem, pruned.byItem).violations).toEqual([]);
    expect(pruned.totalAffinity).toBeLessThanOrEqual(full.totalAffinity + 1e-9);
    expect(pruned.totalAffinity / full.totalAffinity).toBeGreaterThan(0.97);
    expect(pruned.stats.edges).toBe(120 * 8);
  });

  it('solves the full problem again when pruning leaves an item short', () => {
    // Both items prefer experts 0 and 1 (load 1 each); with 1 candidate each, item 1 would be left short.
    const p: AssignmentProblem = {
      items: 2,
      experts: 3,
      k: 1,
      load: 1,
      affinity: (i, e) => [5, 4, 1][e]! + i,
      conflict: (i, e) => i === 1 && e === 1,
      candidates: 1,
    };
    const r = assignExperts(p);
    expect(r.feasible).toBe(true);
    expect(r.stats.prunedFallback).toBe(true);
    expect(r.byItem).toEqual([[1], [0]]);
  });
});
