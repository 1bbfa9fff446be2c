import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { allowedActions, authorize, authorizeType, type Actor } from '../../policy/index.js';
import type { Criterion } from '../../../shared/reviews/ranking.js';
import { needActor } from './experts.js';
import { solutionFacts } from './facts.js';
import type { ScoresInput } from './schemas.js';

/* 评分: an expert sees the items assigned to them (content only, no names), saves drafts, submits. */

export interface ScoreEntry {
  score: number | null;
  comment: string;
}

/** Names of people and units are left out: the expert reviews the solution itself. */
function anonymousContent(content: Record<string, unknown>): Record<string, unknown> {
  const { attachmentIds: _ignored, ...rest } = content;
  void _ignored;
  return rest;
}

async function loadAssignment(db: DbOrTrx, id: number) {
  const a = await db
    .selectFrom('review_assignments as a')
    .innerJoin('review_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('review_items as i', 'i.id', 'a.item_id')
    .selectAll('a')
    .select([
      'r.state as round_state',
      'r.title as round_title',
      'r.criteria_json',
      'r.deadline',
      'i.solution_id',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}
type AssignmentRow = Awaited<ReturnType<typeof loadAssignment>>;

const resourceOf = (a: AssignmentRow) => ({
  expertUserId: a.expert_user_id,
  state: a.state,
  roundState: a.round_state,
});

async function present(db: DbOrTrx, actor: Actor, a: AssignmentRow) {
  const facts = (await solutionFacts(db, [a.solution_id])).get(a.solution_id)!;
  const submitted = a.submitted_at !== null;
  return {
    id: a.id,
    roundId: a.round_id,
    roundTitle: a.round_title,
    roundState: a.round_state,
    deadline: a.deadline,
    criteria: JSON.parse(a.criteria_json) as Criterion[],
    solution: {
      id: a.solution_id,
      title: facts.title,
      domain: facts.domain,
      content: anonymousContent(facts.content),
    },
    scores: JSON.parse(a.scores_json) as ScoreEntry[],
    comment: a.comment,
    revision: a.revision,
    submitted,
    submittedAt: a.submitted_at,
    actions: submitted
      ? []
      : allowedActions(actor, 'review_assignment', resourceOf(a))
          .filter((x) => x !== 'view')
          .flatMap((x) => (x === 'score' ? ['save', 'submit'] : [x])),
  };
}

export async function myAssignments(db: DbOrTrx, actor: Actor) {
  authorizeType(actor, 'review_assignment', 'list');
  const ids = await db
    .selectFrom('review_assignments as a')
    .innerJoin('review_rounds as r', 'r.id', 'a.round_id')
    .select('a.id')
    .where('a.expert_user_id', '=', actor.id)
    .where('a.state', '=', 'assigned')
    .where('r.state', 'in', ['scoring', 'closed'])
    .orderBy('a.id')
    .execute();
  const items = [];
  for (const { id } of ids) items.push(await present(db, actor, await loadAssignment(db, id)));
  return { items };
}

export async function viewAssignment(db: DbOrTrx, actor: Actor, id: number) {
  const a = await loadAssignment(db, id);
  authorize(actor, 'review_assignment', 'view', resourceOf(a));
  if (a.round_state !== 'scoring' && a.round_state !== 'closed') throw new AppError('NOT_FOUND');
  return present(db, actor, a);
}

/** Saves a draft, or submits (then every criterion must be scored). Compare-and-set on the revision. */
export async function saveScores(
  ctx: CommandCtx,
  id: number,
  input: ScoresInput,
  submit: boolean,
): Promise<void> {
  const actor = needActor(ctx);
  const a = await loadAssignment(ctx.trx, id);
  authorize(actor, 'review_assignment', 'view', resourceOf(a));
  if (a.round_state !== 'scoring') throw new AppError('STATE_CONFLICT', { state: a.round_state });
  authorize(actor, 'review_assignment', 'score', resourceOf(a));
  if (a.submitted_at !== null) throw new AppError('STATE_CONFLICT', { state: 'submitted' });
  if (nowIso() > a.deadline)
    throw new AppError('REVIEW_DEADLINE_PASSED', { deadline: a.deadline.slice(0, 16).replace('T', ' ') });
  const criteria = JSON.parse(a.criteria_json) as Criterion[];
  const fields: FieldError[] = [];
  if (input.scores.length > criteria.length)
    fields.push({ path: 'scores', key: 'too_big', params: { max: criteria.length } });
  input.scores.forEach((s, i) => {
    const c = criteria[i];
    if (!c || s.score === null) return;
    if (s.score < c.min) fields.push({ path: `scores.${i}.score`, key: 'too_small', params: { min: c.min } });
    else if (s.score > c.max)
      fields.push({ path: `scores.${i}.score`, key: 'too_big', params: { max: c.max } });
  });
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  const scores: ScoreEntry[] = criteria.map((_c, i) => input.scores[i] ?? { score: null, comment: '' });
  const blank = scores.filter((s) => s.score === null).length;
  if (submit && blank > 0) throw new AppError('REVIEW_INCOMPLETE', { count: blank });
  const now = nowIso();
  const res = await ctx.trx
    .updateTable('review_assignments')
    .set({
      scores_json: JSON.stringify(scores),
      comment: input.comment,
      revision: a.revision + 1,
      updated_at: now,
      ...(submit ? { submitted_at: now } : {}),
    })
    .where('id', '=', id)
    .where('revision', '=', input.revision)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  await writeAudit(ctx, {
    action: submit ? 'review_assignment.submitted' : 'review_assignment.saved',
    entityType: 'review_assignment',
    entityId: id,
    after: { scores: scores.map((s) => s.score), submitted: submit },
  });
}
