import { describe, expect, it } from 'vitest';
import { BEST_NEED, CANDIDATES, INELIGIBLE, LABELS, NEEDS, TODAY } from './recommend.fixtures.js';
import {
  mayTake,
  rankNeedsForCandidate,
  rankTakersForNeed,
  scorePair,
  WEIGHTS,
  type CandidateFeatures,
} from './recommend.js';

const need = (id: number) => NEEDS.find((n) => n.id === id)!;
const cand = (id: number) => CANDIDATES.find((c) => c.id === id)!;

/** nDCG@k of a ranked list of ids against graded labels. */
function ndcg(ranked: number[], grades: Record<number, number>, k = 5): number {
  const dcg = (gs: number[]) => gs.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(grades).sort((a, b) => b - a));
  return ideal === 0 ? 1 : dcg(ranked.map((id) => grades[id] ?? 0)) / ideal;
}

describe('recommendations on the labelled set', () => {
  const results = Object.keys(LABELS).map((id) => {
    const ranked = rankTakersForNeed(need(Number(id)), CANDIDATES, TODAY, 5).map((s) => s.item.id);
    const grades = LABELS[Number(id)]!;
    const relevant = Object.keys(grades).length;
    const hits = ranked.slice(0, Math.min(5, relevant)).filter((r) => grades[r]).length;
    return { id, ranked, ndcg: ndcg(ranked, grades), precision: hits / Math.min(5, relevant) };
  });

  it('ranks well: mean nDCG@5 ≥ 0.9 and R-precision ≥ 0.8 over the needs, none below 0.75', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      results.map((r) => `need ${r.id}: ${r.ranked.join(',')} nDCG ${r.ndcg.toFixed(3)}`).join('\n'),
    );
    expect(mean(results.map((r) => r.ndcg))).toBeGreaterThanOrEqual(0.9);
    expect(mean(results.map((r) => r.precision))).toBeGreaterThanOrEqual(0.8);
    for (const r of results) expect(r.ndcg, `need ${r.id}`).toBeGreaterThanOrEqual(0.75);
  });

  it('puts every first-choice candidate in the top three', () => {
    for (const r of results) {
      const first = Object.entries(LABELS[Number(r.id)]!)
        .filter(([, g]) => g === 2)
        .map(([c]) => Number(c));
      for (const c of first) expect(r.ranked.slice(0, 3), `need ${r.id}`).toContain(c);
    }
  });

  it('never lists a candidate the rules refuse, nor one with nothing in common', () => {
    for (const n of NEEDS) {
      const ids = rankTakersForNeed(n, CANDIDATES, TODAY, 50).map((s) => s.item.id);
      for (const bad of INELIGIBLE[n.kind]) expect(ids).not.toContain(bad);
      expect(ids).not.toContain(111); // 文创 design: nothing in common with any need
    }
  });

  it('shows each person or unit the need that fits them best first, and no need past its deadline', () => {
    for (const [c, best] of Object.entries(BEST_NEED)) {
      const ranked = rankNeedsForCandidate(cand(Number(c)), NEEDS, TODAY, 5).map((s) => s.item.id);
      expect(ranked[0], `candidate ${c}`).toBe(best);
      expect(ranked).not.toContain(6);
    }
  });
});

describe('the signals and their reasons', () => {
  const base: CandidateFeatures = {
    kind: 'person',
    id: 1,
    person: { degree: 'doctorate', postdocStatus: 'none' },
    domains: [],
    words: [],
    regionId: null,
    activity: [],
  };
  const n = need(1);

  it('domain: 0.4 and the reason names it; activity in the domain counts as the domain', () => {
    expect(scorePair(n, { ...base, domains: ['new_materials'] })).toEqual({
      score: WEIGHTS.domain,
      reasons: [{ code: 'same_domain', domain: 'new_materials' }],
    });
    const viaActivity = scorePair(n, { ...base, activity: [{ domain: 'new_materials', what: 'signup' }] });
    expect(viaActivity?.reasons).toEqual([{ code: 'same_domain', domain: 'new_materials' }]);
  });

  it('keywords: saturate at three shared words and are named', () => {
    expect(scorePair(n, { ...base, words: ['锂电池'] })?.score).toBeCloseTo(WEIGHTS.keywords / 3, 3);
    const three = scorePair(n, { ...base, words: ['锂电池', '正极', '循环', '寿命'] });
    expect(three?.score).toBeCloseTo(WEIGHTS.keywords, 3);
    expect(three?.reasons[0]).toEqual({ code: 'keywords', words: ['锂电池', '正极', '循环', '寿命'] });
  });

  it('activity and district add only on top of a domain or keyword in common', () => {
    const alone = {
      ...base,
      regionId: 1,
      activity: [{ domain: 'biomedicine' as const, what: 'match' as const }],
    };
    expect(scorePair(n, alone)).toBeNull();
    const s = scorePair(n, {
      ...base,
      domains: ['new_materials'],
      regionId: 1,
      activity: [
        { domain: 'new_materials', what: 'match' },
        { domain: 'new_materials', what: 'solution' },
        { domain: 'new_materials', what: 'solution' },
      ],
    });
    expect(s?.score).toBeCloseTo(WEIGHTS.domain + WEIGHTS.activity + WEIGHTS.district, 3);
    expect(s?.reasons.map((r) => r.code)).toEqual([
      'same_domain',
      'past_matches',
      'past_solutions',
      'same_district',
    ]);
  });

  it('eligibility follows seed 002 §三(三): PhDs/postdocs for tech needs, units over a year old for transfers', () => {
    expect(mayTake('tech', base, TODAY)).toBe(true);
    expect(mayTake('tech', { ...base, person: { degree: 'master', postdocStatus: 'none' } }, TODAY)).toBe(
      false,
    );
    expect(mayTake('transfer', base, TODAY)).toBe(false);
    const u = { ...base, kind: 'unit' as const, person: null };
    expect(mayTake('transfer', { ...u, registrationDate: '2025-11-23' }, TODAY)).toBe(true);
    expect(mayTake('transfer', { ...u, registrationDate: '2025-11-25' }, TODAY)).toBe(false);
    expect(mayTake('tech', { ...u, registrationDate: '2010-01-01' }, TODAY)).toBe(false);
  });

  it('breaks ties by id, so the order never depends on the input order', () => {
    const twins = [203, 201, 202].map((id) => ({ ...base, id, domains: ['new_materials' as const] }));
    expect(rankTakersForNeed(n, twins, TODAY).map((s) => s.item.id)).toEqual([201, 202, 203]);
    expect(rankTakersForNeed(n, [...twins].reverse(), TODAY).map((s) => s.item.id)).toEqual([201, 202, 203]);
  });
});

describe('domains from a free-text research field', () => {
  it('maps cue words to the nine domains, several at once, none for an unrelated text', async () => {
    const { inferDomains } = await import('./domains.js');
    expect(inferDomains('新材料')).toEqual(['new_materials']);
    expect(inferDomains('锂电池正极材料')).toEqual(['new_materials', 'new_energy']);
    expect(inferDomains('计算机视觉与人工智能')).toEqual(['next_gen_it']);
    expect(inferDomains('肿瘤免疫治疗')).toEqual(['biomedicine']);
    expect(inferDomains('古典文献学')).toEqual([]);
  });
});
