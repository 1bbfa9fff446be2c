import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { enqueueMany } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { allowedActions, authorize, authorizeType, type Actor } from '../../policy/index.js';
import type { Criterion } from '../../../shared/reviews/ranking.js';
import { needActor } from './experts.js';
import { solutionFacts } from './facts.js';
import type { CreateRoundInput } from './schemas.js';
import { ROUND_WORKFLOW, type RoundAction, type RoundState } from './workflow.js';

/* 评审轮次: created as a draft over submitted solutions; opened for scoring; closed (with a reason if short). */

export async function loadRound(db: DbOrTrx, actor: Actor, id: number) {
  const round = await db.selectFrom('review_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!round) throw new AppError('NOT_FOUND');
  authorize(actor, 'review_round', 'view', { id, state: round.state });
  return { ...round, criteria: JSON.parse(round.criteria_json) as Criterion[] };
}
export type RoundRow = Awaited<ReturnType<typeof loadRound>>;

export async function createRound(ctx: CommandCtx, input: CreateRoundInput): Promise<number> {
  const actor = needActor(ctx);
  authorizeType(actor, 'review_round', 'create');
  const ids = [...new Set(input.solutionIds)];
  const facts = await solutionFacts(ctx.trx, ids);
  const fields: FieldError[] = [];
  ids.forEach((id, i) => {
    if (facts.get(id)?.state !== 'submitted') fields.push({ path: `solutionIds.${i}`, key: 'not_submitted' });
  });
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('review_rounds')
    .values({
      title: input.title,
      state: 'draft',
      criteria_json: JSON.stringify(input.criteria),
      k: input.k,
      load_limit: input.loadLimit,
      deadline: new Date(input.deadline).toISOString(),
      close_reason: '',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, solutionId] of ids.entries())
    await ctx.trx
      .insertInto('review_items')
      .values({ round_id: row.id, solution_id: solutionId, position: i + 1 })
      .execute();
  await writeAudit(ctx, {
    action: 'review_round.created',
    entityType: 'review_round',
    entityId: row.id,
    after: {
      title: input.title,
      solutionIds: ids,
      criteria: input.criteria,
      k: input.k,
      loadLimit: input.loadLimit,
    },
  });
  return row.id;
}

/** Compare-and-set on the state; the audit record in the same transaction. */
export async function moveRound(
  ctx: CommandCtx,
  round: RoundRow,
  action: RoundAction,
  extra: { close_reason?: string; closed_at?: string } = {},
): Promise<RoundState> {
  const actor = needActor(ctx);
  const t = findTransition(ROUND_WORKFLOW, round.state as RoundState, action);
  if (!t) throw new AppError('STATE_CONFLICT', { state: round.state });
  if (!t.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  const res = await ctx.trx
    .updateTable('review_rounds')
    .set({ state: t.to, updated_at: nowIso(), ...extra })
    .where('id', '=', round.id)
    .where('state', '=', round.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: round.state });
  await writeAudit(ctx, {
    action: `review_round.${action}`,
    entityType: 'review_round',
    entityId: round.id,
    before: { state: round.state },
    after: { state: t.to, ...(extra.close_reason ? { reason: extra.close_reason } : {}) },
  });
  return t.to;
}

async function shortItems(db: DbOrTrx, round: RoundRow): Promise<number[]> {
  const items = await db
    .selectFrom('review_items')
    .select(['id', 'solution_id'])
    .where('round_id', '=', round.id)
    .execute();
  const rows = await db
    .selectFrom('review_assignments')
    .select('item_id')
    .where('round_id', '=', round.id)
    .where('state', '=', 'assigned')
    .execute();
  return items
    .filter((i) => rows.filter((r) => r.item_id === i.id).length < round.k)
    .map((i) => i.solution_id);
}

export async function openScoring(ctx: CommandCtx, id: number): Promise<void> {
  const round = await loadRound(ctx.trx, needActor(ctx), id);
  const short = await shortItems(ctx.trx, round);
  if (round.state === 'assigning' && short.length > 0)
    throw new AppError('REVIEW_INFEASIBLE', { k: round.k, items: short.join(', ') });
  await moveRound(ctx, round, 'open_scoring');
  const experts = await ctx.trx
    .selectFrom('review_assignments')
    .select('expert_user_id')
    .distinct()
    .where('round_id', '=', id)
    .where('state', '=', 'assigned')
    .execute();
  await enqueueMany(
    ctx.trx,
    'notify',
    experts.map((e) => ({
      userIds: [e.expert_user_id],
      title: `评审任务：${round.title}`,
      body: `您有新的评审任务，请在 ${round.deadline.slice(0, 16).replace('T', ' ')}（UTC）前完成评分。`,
    })),
  );
}

export async function missingReviews(db: DbOrTrx, roundId: number) {
  return db
    .selectFrom('review_assignments')
    .select(['id', 'expert_user_id'])
    .where('round_id', '=', roundId)
    .where('state', '=', 'assigned')
    .where('submitted_at', 'is', null)
    .execute();
}

export async function closeRound(ctx: CommandCtx, id: number, reason: string): Promise<void> {
  const round = await loadRound(ctx.trx, needActor(ctx), id);
  if (round.state !== 'scoring') throw new AppError('STATE_CONFLICT', { state: round.state });
  const missing = await missingReviews(ctx.trx, id);
  if (missing.length > 0 && reason.trim() === '')
    throw new AppError('REVIEW_MISSING', { count: missing.length }, [{ path: 'reason', key: 'required' }]);
  await moveRound(ctx, round, 'close', { close_reason: reason.trim(), closed_at: nowIso() });
}

/** 催办: a notification to every expert with an assigned review not yet submitted. */
export async function remindLate(ctx: CommandCtx, id: number): Promise<number> {
  const actor = needActor(ctx);
  const round = await loadRound(ctx.trx, actor, id);
  authorize(actor, 'review_round', 'remind', { id, state: round.state });
  const missing = await missingReviews(ctx.trx, id);
  const users = [...new Set(missing.map((m) => m.expert_user_id))];
  if (missing.length > 0)
    await ctx.trx
      .updateTable('review_assignments')
      .set({ reminded_at: nowIso() })
      .where(
        'id',
        'in',
        missing.map((m) => m.id),
      )
      .execute();
  await enqueueMany(
    ctx.trx,
    'notify',
    users.map((u) => ({
      userIds: [u],
      title: `评审催办：${round.title}`,
      body: `您还有未提交的评审，截止时间 ${round.deadline.slice(0, 16).replace('T', ' ')}（UTC）。`,
    })),
  );
  await writeAudit(ctx, {
    action: 'review_round.reminded',
    entityType: 'review_round',
    entityId: id,
    after: { experts: users },
  });
  return users.length;
}

/** The office's view: the round, each item's experts and their progress, and what it may do now. */
export async function presentRound(db: DbOrTrx, actor: Actor, round: RoundRow) {
  const items = await db
    .selectFrom('review_items')
    .select(['id', 'solution_id', 'position'])
    .where('round_id', '=', round.id)
    .orderBy('position')
    .execute();
  const rows = await db
    .selectFrom('review_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.expert_user_id')
    .select([
      'a.item_id',
      'a.expert_user_id',
      'u.display_name',
      'a.state',
      'a.pinned',
      'a.affinity',
      'a.submitted_at',
      'a.reminded_at',
    ])
    .where('a.round_id', '=', round.id)
    .orderBy('a.id')
    .execute();
  const workflow = ROUND_WORKFLOW.filter(
    (t) => t.from.includes(round.state as RoundState) && t.roles.includes(actor.role),
  );
  const policy = allowedActions(actor, 'review_round', { id: round.id, state: round.state }).filter(
    (a) => a !== 'view',
  );
  return {
    id: round.id,
    title: round.title,
    state: round.state,
    criteria: round.criteria,
    k: round.k,
    loadLimit: round.load_limit,
    deadline: round.deadline,
    closeReason: round.close_reason,
    items: items.map((i) => {
      const mine = rows.filter((r) => r.item_id === i.id);
      return {
        solutionId: i.solution_id,
        experts: mine.map((r) => ({
          userId: r.expert_user_id,
          name: r.display_name,
          state: r.state,
          pinned: r.pinned === 1,
          affinity: Number(r.affinity),
          submitted: r.submitted_at !== null,
          remindedAt: r.reminded_at,
        })),
        submitted: mine.filter((r) => r.state === 'assigned' && r.submitted_at !== null).length,
      };
    }),
    actions: [...workflow.map((t) => t.action), ...policy],
  };
}

export async function listRounds(db: DbOrTrx, actor: Actor) {
  authorizeType(actor, 'review_round', 'list');
  const rows = await db
    .selectFrom('review_rounds')
    .select(['id', 'title', 'state', 'deadline', 'k', 'created_at'])
    .orderBy('id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, title: r.title, state: r.state, deadline: r.deadline, k: r.k })),
  };
}
