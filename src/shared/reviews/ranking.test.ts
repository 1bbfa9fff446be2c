import { describe, expect, it } from 'vitest';
import { rankItems, weightedScore, type Criterion } from './ranking.js';

const C: Criterion[] = [
  { name: '技术先进性', weight: 3, min: 0, max: 10 },
  { name: '可行性', weight: 1, min: 0, max: 10 },
];

describe('ranking', () => {
  it('weights the criteria', () => {
    expect(weightedScore(C, [8, 4])).toBe(7);
    expect(() => weightedScore(C, [8])).toThrow();
  });

  it('ranks by mean with spread and standard deviation; ties share a rank; unreviewed items last', () => {
    const r = rankItems(C, [
      {
        item: 1,
        reviews: [
          [6, 6],
          [8, 8],
        ],
      },
      {
        item: 2,
        reviews: [
          [10, 10],
          [6, 2],
          [8, 4],
        ],
      },
      { item: 3, reviews: [] },
      { item: 4, reviews: [[7, 7]] },
    ]);
    expect(r.map((x) => x.item)).toEqual([2, 1, 4, 3]);
    expect(r[0]).toMatchObject({ rank: 1, reviews: 3, mean: 7.33, spread: 5, scores: [5, 7, 10] });
    expect(r[0]!.std).toBeCloseTo(2.05, 2);
    // items 1 and 4 both have mean 7: the one with more reviews first, same rank.
    expect(r[1]).toMatchObject({ item: 1, rank: 2, mean: 7, spread: 2, std: 1 });
    expect(r[2]).toMatchObject({ item: 4, rank: 2, mean: 7, spread: 0, std: 0 });
    expect(r[3]).toMatchObject({ item: 3, rank: 4, reviews: 0, mean: null, spread: null });
  });
});
