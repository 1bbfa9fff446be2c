import { describe, expect, it } from 'vitest';
import { assignExperts, pairKey, reassign, type AssignmentProblem, type Pair } from './assignment.js';
import { prng } from './fixtures.js';
import { assignGreedy } from './greedy.js';
import { checkAssignment } from './verify.js';

/** The best total affinity by trying every choice of k experts per item (−Infinity when none is feasible). */
function bruteForce(p: AssignmentProblem): number {
  const k = p.k ?? 3;
  const left = Array.from({ length: p.experts }, (_, e) =>
    typeof p.load === 'number' ? p.load : p.load[e]!,
  );
  const pins = p.pinned ?? [];
  const ok = (i: number, e: number) =>
    !(p.conflict as (i: number, e: number) => boolean)(i, e) &&
    !(p.excluded ?? []).some((x) => x.item === i && x.expert === e);
  let best = -Infinity;
  const subsets = (from: number, need: number, acc: number[], out: number[][]) => {
    if (need === 0) return out.push([...acc]);
    for (let e = from; e < p.experts; e++) subsets(e + 1, need - 1, [...acc, e], out);
  };
  const all: number[][] = [];
  subsets(0, k, [], all);
  const go = (i: number, total: number) => {
    if (i === p.items) return void (best = Math.max(best, total));
    const mustHave = pins.filter((x) => x.item === i).map((x) => x.expert);
    for (const s of all) {
      if (!mustHave.every((e) => s.includes(e))) continue;
      if (!s.every((e) => ok(i, e) && left[e]! > 0)) continue;
      for (const e of s) left[e]!--;
      go(i + 1, total + s.reduce((a, e) => a + p.affinity(i, e), 0));
      for (const e of s) left[e]!++;
    }
  };
  go(0, 0);
  return best;
}

/** A small random instance: affinities with 2 decimals, ~20 % conflicts, loads 1–3. */
function smallInstance(seed: number): AssignmentProblem {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const items = int(3, 5);
  const k = int(1, 2);
  const experts = k === 1 ? int(3, 6) : int(3, 5);
  const aff = Array.from({ length: items * experts }, () => int(0, 100) / 100);
  const conflicts = new Set<string>();
  for (let i = 0; i < items; i++)
    for (let e = 0; e < experts; e++) if (rnd() < 0.2) conflicts.add(pairKey(i, e));
  const load = Array.from({ length: experts }, () => int(1, 3));
  return {
    items,
    experts,
    k,
    load,
    affinity: (i, e) => aff[i * experts + e]!,
    conflict: (i, e) => conflicts.has(pairKey(i, e)),
  };
}

describe('expert assignment (min-cost flow)', () => {
  it('equals the brute-force optimum on 300 random small instances, within every constraint', () => {
    let feasible = 0;
    let infeasible = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const p = smallInstance(seed);
      const best = bruteForce(p);
      const r = assignExperts(p);
      if (best === -Infinity) {
        infeasible++;
        expect(r.feasible, `seed ${seed}`).toBe(false);
        expect(r.shortfalls.length, `seed ${seed}`).toBeGreaterThan(0);
        continue;
      }
      feasible++;
      expect(r.feasible, `seed ${seed}`).toBe(true);
      expect(r.totalAffinity, `seed ${seed}`).toBeCloseTo(best, 9);
      const check = checkAssignment(p, r.byItem);
      expect(check.violations, `seed ${seed}`).toEqual([]);
      expect(check.totalAffinity).toBeCloseTo(r.totalAffinity, 9);
    }
    // Both kinds must be exercised, or the test proves little.
    expect(feasible).toBeGreaterThan(100);
    expect(infeasible).toBeGreaterThan(10);
  });

  it('equals the brute-force optimum with random pins and exclusions', () => {
    let checked = 0;
    for (let seed = 1000; seed < 1200; seed++) {
      const p = smallInstance(seed);
      const rnd = prng(seed * 7);
      const first = assignExperts(p);
      if (!first.feasible) continue;
      // Pin one assigned pair of a worse-than-best kind: a random eligible pair; exclude another.
      const eligible: Pair[] = [];
      for (let i = 0; i < p.items; i++)
        for (let e = 0; e < p.experts; e++)
          if (!(p.conflict as (i: number, e: number) => boolean)(i, e)) eligible.push({ item: i, expert: e });
      const pin = eligible[Math.floor(rnd() * eligible.length)]!;
      const ex = first.pairs[Math.floor(rnd() * first.pairs.length)]!;
      if (ex.item === pin.item && ex.expert === pin.expert) continue;
      const q = { ...p, pinned: [pin], excluded: [ex] };
      const best = bruteForce(q);
      const r = assignExperts(q);
      if (best === -Infinity) {
        expect(r.feasible, `seed ${seed}`).toBe(false);
        continue;
      }
      checked++;
      expect(r.feasible, `seed ${seed}`).toBe(true);
      expect(r.totalAffinity, `seed ${seed}`).toBeCloseTo(best, 9);
      expect(r.byItem[pin.item]).toContain(pin.expert);
      expect(r.byItem[ex.item]).not.toContain(ex.expert);
      expect(checkAssignment(q, r.byItem).violations).toEqual([]);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('beats greedy where an early item takes the expert a later one needs', () => {
    // Item 0 likes both experts almost equally; item 1 can only use expert 0 well.
    const a = [
      [10, 9],
      [9, 0],
    ];
    const p: AssignmentProblem = { items: 2, experts: 2, k: 1, load: 1, affinity: (i, e) => a[i]![e]! };
    const g = assignGreedy(p);
    const r = assignExperts(p);
    expect(g.byItem).toEqual([[0], [1]]);
    expect(g.totalAffinity).toBe(10);
    expect(r.byItem).toEqual([[1], [0]]);
    expect(r.totalAffinity).toBe(18);
  });

  it('is never worse than greedy, and strictly better on some random instances', () => {
    let better = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const p = smallInstance(seed);
      const g = assignGreedy(p);
      const r = assignExperts(p);
      if (!r.feasible || g.short.length > 0) continue;
      expect(r.totalAffinity).toBeGreaterThanOrEqual(g.totalAffinity - 1e-9);
      if (r.totalAffinity > g.totalAffinity + 1e-9) better++;
    }
    expect(better).toBeGreaterThan(5);
  });
});

describe('infeasibility is reported, not hidden', () => {
  it('names the item without enough non-conflicted experts', () => {
    const p: AssignmentProblem = {
      items: 3,
      experts: 4,
      k: 3,
      load: 3,
      affinity: () => 1,
      conflict: new Set([pairKey(1, 0), pairKey(1, 2)]),
      excluded: [{ item: 2, expert: 3 }],
    };
    const r = assignExperts(p);
    expect(r.feasible).toBe(false);
    expect(r.shortfalls).toEqual([
      {
        item: 1,
        needed: 3,
        assigned: 2,
        eligible: 2,
        conflicted: 2,
        excluded: 0,
        reason: 'not_enough_eligible_experts',
      },
    ]);
    // Everyone else is still served in full.
    expect(r.byItem[0]).toHaveLength(3);
    expect(r.byItem[2]).toEqual(expect.arrayContaining([0, 1, 2]));
  });

  it('says when the load limits are exhausted, and still delivers a maximum flow', () => {
    // 3 items × k 2 = 6 places, but only 5 slots of load.
    const p: AssignmentProblem = { items: 3, experts: 3, k: 2, load: [2, 2, 1], affinity: (i, e) => i + e };
    const r = assignExperts(p);
    expect(r.feasible).toBe(false);
    expect(r.pairs).toHaveLength(5);
    expect(r.shortfalls).toHaveLength(1);
    expect(r.shortfalls[0]).toMatchObject({ needed: 2, assigned: 1, eligible: 3, reason: 'load_exhausted' });
  });

  it('reports pins it cannot apply', () => {
    const p: AssignmentProblem = {
      items: 2,
      experts: 3,
      k: 1,
      load: 1,
      affinity: () => 1,
      conflict: new Set([pairKey(0, 2)]),
      excluded: [{ item: 1, expert: 1 }],
      pinned: [
        { item: 0, expert: 2 },
        { item: 1, expert: 1 },
        { item: 0, expert: 0 },
        { item: 0, expert: 1 },
        { item: 1, expert: 0 },
        { item: 5, expert: 0 },
      ],
    };
    const r = assignExperts(p);
    expect(r.feasible).toBe(false);
    expect(r.pinProblems.map((x) => x.reason)).toEqual([
      'conflict',
      'excluded',
      'over_k',
      'over_load',
      'out_of_range',
    ]);
    expect(r.byItem).toEqual([[0], [2]]);
  });

  it('rejects malformed problems', () => {
    expect(() => assignExperts({ items: 1, experts: 1, k: 0, load: 1, affinity: () => 0 })).toThrow(
      RangeError,
    );
    expect(() => assignExperts({ items: 1, experts: 2, load: [1], affinity: () => 0 })).toThrow(RangeError);
  });
});

describe('reassign after a recusal', () => {
  it('keeps every other pair and fills the freed place with the best remaining expert', () => {
    for (let seed = 2000; seed < 2100; seed++) {
      const p = smallInstance(seed);
      const first = assignExperts(p);
      if (!first.feasible) continue;
      const recused = first.pairs[seed % first.pairs.length]!;
      const r = reassign(p, first.pairs, recused);
      const others = first.pairs.filter((x) => x !== recused);
      for (const x of others) expect(r.byItem[x.item]).toContain(x.expert);
      expect(r.byItem[recused.item]).not.toContain(recused.expert);
      // The best choice given the others fixed, by brute force.
      const best = bruteForce({ ...p, pinned: others, excluded: [recused] });
      if (best === -Infinity) {
        expect(r.feasible).toBe(false);
        expect(r.shortfalls.map((s) => s.item)).toEqual([recused.item]);
        continue;
      }
      expect(r.feasible).toBe(true);
      expect(r.added).toHaveLength(1);
      expect(r.added[0]!.item).toBe(recused.item);
      expect(r.totalAffinity).toBeCloseTo(best, 9);
    }
  });

  it('does not move others even when moving them would score higher', () => {
    // Items 0, 1; experts 0, 1, 2; k 1, load 1. First: 0→0, 1→1. Expert 0 recuses from item 0.
    const a = [
      [9, 8, 0],
      [5, 7, 6],
    ];
    const p: AssignmentProblem = { items: 2, experts: 3, k: 1, load: 1, affinity: (i, e) => a[i]![e]! };
    const first = assignExperts(p);
    expect(first.byItem).toEqual([[0], [1]]);
    const r = reassign(p, first.pairs, { item: 0, expert: 0 });
    // A free re-solve would give 0→1, 1→2 (8 + 6 = 14); reassign keeps 1→1 and gives item 0 expert 2.
    expect(r.byItem).toEqual([[2], [1]]);
    expect(r.added).toEqual([{ item: 0, expert: 2 }]);
    expect(r.totalAffinity).toBe(7);
  });
});
