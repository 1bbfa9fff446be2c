import { AppError } from '../../core/errors.js';
import type { DbOrTrx } from '../../db/index.js';
import { authorize, type Actor } from '../../policy/index.js';
import { rankItems, weightedScore, type Criterion } from '../../../shared/reviews/ranking.js';
import { solutionFacts } from './facts.js';
import { loadRound } from './rounds.js';
import type { ScoreEntry } from './scoring.js';

/* 评审结果: the office's weighted ranking; after closing, each taker's own scores and anonymised comments. */

async function submittedOf(db: DbOrTrx, roundId: number) {
  return db
    .selectFrom('review_assignments')
    .select(['id', 'item_id', 'scores_json', 'comment'])
    .where('round_id', '=', roundId)
    .where('state', '=', 'assigned')
    .where('submitted_at', 'is not', null)
    .orderBy('id')
    .execute();
}

export async function roundResults(db: DbOrTrx, actor: Actor, roundId: number) {
  const round = await loadRound(db, actor, roundId);
  authorize(actor, 'review_round', 'results', { id: roundId, state: round.state });
  const items = await db
    .selectFrom('review_items')
    .select(['id', 'solution_id'])
    .where('round_id', '=', roundId)
    .execute();
  const rows = await submittedOf(db, roundId);
  const assigned = await db
    .selectFrom('review_assignments')
    .select('id')
    .where('round_id', '=', roundId)
    .where('state', '=', 'assigned')
    .execute();
  const ranked = rankItems(
    round.criteria,
    items.map((i) => ({
      item: i.solution_id,
      reviews: rows
        .filter((r) => r.item_id === i.id)
        .map((r) => (JSON.parse(r.scores_json) as ScoreEntry[]).map((s) => s.score ?? 0)),
    })),
  );
  return {
    roundId,
    state: round.state,
    final: round.state === 'closed',
    closeReason: round.close_reason,
    expected: assigned.length,
    received: rows.length,
    items: ranked.map(({ item, ...rest }) => ({ solutionId: item, ...rest })),
  };
}

/** The taker's feedback for one solution: every closed round it was in, experts numbered, never named. */
export async function solutionFeedback(db: DbOrTrx, actor: Actor, solutionId: number) {
  const facts = (await solutionFacts(db, [solutionId])).get(solutionId);
  if (!facts) throw new AppError('NOT_FOUND');
  const rounds = await db
    .selectFrom('review_items as i')
    .innerJoin('review_rounds as r', 'r.id', 'i.round_id')
    .select(['i.id as item_id', 'r.id', 'r.title', 'r.state', 'r.criteria_json', 'r.closed_at'])
    .where('i.solution_id', '=', solutionId)
    .where('r.state', '=', 'closed')
    .orderBy('r.id')
    .execute();
  authorize(actor, 'review_feedback', 'view', {
    takerUserIds: facts.teamUserIds,
    takerUnitId: facts.takerUnitId,
    roundState: rounds.length > 0 ? 'closed' : 'none',
  });
  const out = [];
  for (const r of rounds) {
    const criteria = JSON.parse(r.criteria_json) as Criterion[];
    const reviews = (await submittedOf(db, r.id)).filter((x) => x.item_id === r.item_id);
    const parsed = reviews.map((x, n) => {
      const scores = JSON.parse(x.scores_json) as ScoreEntry[];
      return {
        reviewer: n + 1,
        weighted:
          Math.round(
            weightedScore(
              criteria,
              scores.map((s) => s.score ?? 0),
            ) * 100,
          ) / 100,
        scores: scores.map((s, i) => ({ criterion: criteria[i]!.name, score: s.score, comment: s.comment })),
        comment: x.comment,
      };
    });
    const mean = parsed.length > 0 ? parsed.reduce((s, x) => s + x.weighted, 0) / parsed.length : null;
    out.push({
      roundId: r.id,
      title: r.title,
      closedAt: r.closed_at,
      criteria: criteria.map((c) => ({ name: c.name, weight: c.weight, min: c.min, max: c.max })),
      mean: mean === null ? null : Math.round(mean * 100) / 100,
      reviews: parsed,
    });
  }
  return { solutionId, rounds: out };
}
