/*
 * Results of an expert review round (issue #8): each expert's weighted score of an item (Σ weight·score /
 * Σ weight over the criteria), then per item the mean of the experts' weighted scores, their spread
 * (max − min) and population standard deviation; items ranked by mean, best first (ties: more reviews,
 * then the item id). Pure: no database.
 */

export interface Criterion {
  name: string;
  weight: number;
  min: number;
  max: number;
  guidance?: string;
}

export interface ItemReviews {
  item: number;
  /** One score per criterion for each submitted review (in criterion order). */
  reviews: readonly (readonly number[])[];
}

export interface RankedItem {
  item: number;
  rank: number;
  reviews: number;
  /** Null when the item has no submitted review. */
  mean: number | null;
  spread: number | null;
  std: number | null;
  /** The experts' weighted scores, ascending. */
  scores: number[];
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** One review's weighted score; throws when the scores do not match the criteria. */
export function weightedScore(criteria: readonly Criterion[], scores: readonly number[]): number {
  if (scores.length !== criteria.length) throw new Error('scores do not match the criteria');
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (total <= 0) throw new Error('weights must add up to more than 0');
  return criteria.reduce((s, c, i) => s + c.weight * scores[i]!, 0) / total;
}

export function rankItems(criteria: readonly Criterion[], items: readonly ItemReviews[]): RankedItem[] {
  const rows = items.map((it) => {
    const scores = it.reviews.map((r) => weightedScore(criteria, r)).sort((a, b) => a - b);
    if (scores.length === 0)
      return { item: it.item, rank: 0, reviews: 0, mean: null, spread: null, std: null, scores };
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    const variance = scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length;
    return {
      item: it.item,
      rank: 0,
      reviews: scores.length,
      mean: round(mean),
      spread: round(scores[scores.length - 1]! - scores[0]!),
      std: round(Math.sqrt(variance)),
      scores: scores.map(round),
    };
  });
  rows.sort(
    (a, b) => (b.mean ?? -Infinity) - (a.mean ?? -Infinity) || b.reviews - a.reviews || a.item - b.item,
  );
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.rank = prev && prev.mean === r.mean && r.mean !== null ? prev.rank : i + 1;
  });
  return rows;
}
