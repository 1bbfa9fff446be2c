import { describe, expect, it } from 'vitest';
import { affinity, idfWeights, tokenWeights, weightedJaccard } from './affinity.js';
import { buildConflicts, conflictReasons, type ExpertProfile, type ItemParties } from './conflicts.js';

describe('affinity of an expert for an item', () => {
  it('adds the main-domain match and the keyword overlap, with reasons', () => {
    const a = affinity(
      { domain: 'new_energy', keywords: ['锂电池', '正极', '材料'] },
      { domains: ['new_energy', 'new_materials'], keywords: ['锂电池', '材料', '储能'] },
    );
    // Jaccard = 2 shared / 4 distinct = 0.5 → 0.6 × 0.5 = 0.3; main domain 0.4.
    expect(a.score).toBe(0.7);
    expect(a.reasons).toEqual([
      { kind: 'domain', domain: 'new_energy', main: true, points: 0.4 },
      { kind: 'keywords', shared: ['材料', '锂电池'], jaccard: 0.5, points: 0.3 },
    ]);
  });

  it('gives half credit for a secondary domain and nothing for none', () => {
    const item = { domain: 'new_materials' as const, keywords: ['x'] };
    expect(affinity(item, { domains: ['new_energy', 'new_materials'], keywords: [] }).score).toBe(0.2);
    expect(affinity(item, { domains: ['biomedicine'], keywords: ['y'] })).toEqual({ score: 0, reasons: [] });
  });

  it('weighs repeated and rare tokens more (weighted Jaccard)', () => {
    expect(weightedJaccard(tokenWeights(['a', 'a', 'b']), tokenWeights(['a', 'c'])).jaccard).toBeCloseTo(
      1 / 4,
    );
    const idf = idfWeights([['common', 'rare'], ['common'], ['common'], ['common']]);
    expect(idf('rare')).toBeGreaterThan(idf('common'));
    const item = { domain: 'other' as const, keywords: ['common', 'rare'] };
    const viaRare = affinity(item, { domains: [], keywords: ['rare'] }, { weightOf: idf });
    const viaCommon = affinity(item, { domains: [], keywords: ['common'] }, { weightOf: idf });
    expect(viaRare.score).toBeGreaterThan(viaCommon.score);
  });

  it('normalises tokens and rounds the score to 4 decimals', () => {
    const a = affinity({ domain: 'other', keywords: [' AI ', 'x', 'y'] }, { domains: [], keywords: ['ai'] });
    expect(a.score).toBe(0.2); // 0.6 × 1/3
    expect(Number.isInteger(a.score * 10_000)).toBe(true);
  });
});

describe('conflicts of interest', () => {
  const items: ItemParties[] = [
    { id: 'c1', posterInstitution: 'u1', takerInstitution: 'u2', teamPersonIds: ['p9'] },
    { id: 'c2', posterInstitution: 'u3', takerInstitution: null, teamPersonIds: [] },
  ];
  const experts: ExpertProfile[] = [
    { id: 'x1', personId: 'p1', institution: 'u2' },
    { id: 'x2', personId: 'p2', institution: 'u1', declaredItemIds: ['c2'] },
    { id: 'x3', personId: 'p9', institution: null },
    { id: 'x4', personId: null, institution: 'u5' },
  ];

  it('says why a pair conflicts', () => {
    expect(conflictReasons(items[0]!, experts[0]!)).toEqual(['same_institution_as_taker']);
    expect(conflictReasons(items[0]!, experts[1]!)).toEqual(['same_institution_as_poster']);
    expect(conflictReasons(items[0]!, experts[2]!)).toEqual(['team_member']);
    expect(conflictReasons(items[1]!, experts[1]!)).toEqual(['declared']);
    expect(conflictReasons(items[1]!, experts[3]!)).toEqual([]);
    // A null institution never matches a null party.
    expect(conflictReasons(items[1]!, { id: 'x', personId: null, institution: null })).toEqual([]);
  });

  it('precomputes exactly the pairs that have reasons', () => {
    const t = buildConflicts(items, experts);
    const expected: string[] = [];
    const got: string[] = [];
    items.forEach((it, i) =>
      experts.forEach((ex, e) => {
        if (conflictReasons(it, ex).length > 0) expected.push(`${i}:${e}`);
        if (t.has(i, e)) got.push(`${i}:${e}`);
      }),
    );
    expect(got).toEqual(['0:0', '0:1', '0:2', '1:1']);
    expect(got).toEqual(expected);
    expect(t.count).toBe(4);
    expect(t.reasons(0, 2)).toEqual(['team_member']);
  });
});
