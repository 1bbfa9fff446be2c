import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { isUniqueViolation } from '../../core/http/error-handler.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso, type DbOrTrx, type Trx } from '../../db/index.js';
import type { Selectable } from 'kysely';
import {
  allowedActions,
  authorize,
  authorizeType,
  type MaybeActor,
  type ResourceMap,
} from '../../policy/index.js';
import { todayInChina } from '../../../shared/roles.js';
import {
  entityAgeIneligibility,
  individualIneligibility,
  type TakingReason,
} from '../../../shared/taking/eligibility.js';
import type { OrganiserTables } from '../../db/schema-organiser.js';
import { challengeById, personFacts } from '../taking/load.js';
import { assertOpen, notEligible } from '../taking/signups.js';
import { SUGGESTION_WORKFLOW, type SuggestionAction, type SuggestionState } from './workflow.js';

export const SuggestBody = z.object({
  challengeId: z.number().int().positive(),
  candidateKind: z.enum(['user', 'unit']),
  candidateId: z.number().int().positive(),
  note: z.string().trim().max(1000).default(''),
});
export type SuggestInput = z.infer<typeof SuggestBody>;

type Row = Selectable<OrganiserTables['suggestions']>;

export interface SuggestionView {
  id: number;
  challengeId: number;
  challengeTitle: string;
  candidateKind: 'user' | 'unit';
  candidateId: number;
  candidateName: string;
  note: string;
  state: SuggestionState;
  reason: string;
  suggestedBy: string;
  createdAt: string;
  updatedAt: string;
  actions: string[];
}

async function resOf(db: DbOrTrx, r: Row): Promise<ResourceMap['suggestion']> {
  const c = await challengeById(db, r.challenge_id);
  return {
    id: r.id,
    regionId: r.region_id,
    posterUserId: c.posterUserId,
    posterUnitId: c.unitId,
    candidateUserId: r.candidate_user_id,
    candidateUnitId: r.candidate_unit_id,
    state: r.state,
  };
}

export async function presentSuggestions(
  db: DbOrTrx,
  actor: MaybeActor,
  rows: Row[],
): Promise<SuggestionView[]> {
  const out: SuggestionView[] = [];
  for (const r of rows) {
    const c = await challengeById(db, r.challenge_id);
    out.push({
      id: r.id,
      challengeId: r.challenge_id,
      challengeTitle: c.title,
      candidateKind: r.candidate_kind as 'user' | 'unit',
      candidateId: (r.candidate_user_id ?? r.candidate_unit_id)!,
      candidateName: r.candidate_name,
      note: r.note,
      state: r.state as SuggestionState,
      reason: r.reason,
      suggestedBy: r.suggested_by_name,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      actions: allowedActions(actor, 'suggestion', await resOf(db, r)).filter((a) => a !== 'view'),
    });
  }
  return out;
}

/** Whom to tell on the candidate's side: the person, or every active account of the unit. */
async function candidateUserIds(db: DbOrTrx, r: Pick<Row, 'candidate_user_id' | 'candidate_unit_id'>) {
  if (r.candidate_user_id) return [r.candidate_user_id];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('unit_id', '=', r.candidate_unit_id)
    .where('status', '=', 'active')
    .execute();
  return rows.map((u) => u.id);
}

/** The candidate's name, after the rules of seed 002 §三(三) for this kind of need (refusals name the rule). */
async function checkCandidate(trx: Trx, kind: 'tech' | 'transfer', input: SuggestInput): Promise<string> {
  const fail = (reason: TakingReason) => notEligible('candidateId', reason);
  if (input.candidateKind === 'user') {
    const u = await trx
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'status'])
      .where('id', '=', input.candidateId)
      .executeTakeFirst();
    if (!u || u.role !== 'individual' || u.status !== 'active')
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'candidateId', key: 'unknown_account' }]);
    if (kind === 'transfer') throw fail('unit_takes_transfer');
    const refusal = individualIneligibility((await personFacts(trx, [u.id])).get(u.id) ?? null);
    if (refusal) throw fail(refusal);
    return u.display_name;
  }
  const unit = await trx
    .selectFrom('units')
    .select(['id', 'name', 'registration_date'])
    .where('id', '=', input.candidateId)
    .executeTakeFirst();
  if (!unit) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'candidateId', key: 'unknown_unit' }]);
  if (kind === 'tech') throw fail('person_takes_tech');
  const refusal = entityAgeIneligibility(unit.registration_date, todayInChina());
  if (refusal) throw fail(refusal);
  return unit.name;
}

/** 推荐揭榜方: an office suggests an eligible person or unit for an open need of its scope. */
export async function suggestTaker(ctx: CommandCtx, input: SuggestInput): Promise<SuggestionView> {
  const actor = ctx.actor!;
  authorizeType(actor, 'suggestion', 'create');
  const c = await challengeById(ctx.trx, input.challengeId).catch(() => {
    throw new AppError('NOT_FOUND');
  });
  authorize(actor, 'need_recommendations', 'view', {
    regionId: c.regionId,
    posterUserId: c.posterUserId,
    posterUnitId: c.unitId,
  });
  assertOpen(c);
  const name = await checkCandidate(ctx.trx, c.kind, input);
  const user = input.candidateKind === 'user' ? input.candidateId : null;
  const unit = input.candidateKind === 'unit' ? input.candidateId : null;
  let live = ctx.trx
    .selectFrom('signups')
    .select('id')
    .where('challenge_id', '=', c.id)
    .where('state', '!=', 'withdrawn');
  live = user ? live.where('leader_user_id', '=', user) : live.where('unit_id', '=', unit);
  const existing = await live.executeTakeFirst();
  if (existing) throw new AppError('ALREADY_SIGNED_UP', { id: existing.id });
  if (user === c.posterUserId || (unit !== null && unit === c.unitId))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'candidateId', key: 'own_need' }]);
  const now = nowIso();
  let id: number;
  try {
    const row = await ctx.trx
      .insertInto('suggestions')
      .values({
        challenge_id: c.id,
        candidate_kind: input.candidateKind,
        candidate_user_id: user,
        candidate_unit_id: unit,
        candidate_name: name,
        note: input.note,
        state: 'suggested',
        reason: '',
        region_id: c.regionId,
        suggested_by: actor.id,
        suggested_by_name: actor.displayName,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('SUGGESTION_DUPLICATE');
    throw err;
  }
  await writeAudit(ctx, {
    action: 'suggestion.created',
    entityType: 'suggestion',
    entityId: id,
    regionId: c.regionId,
    after: {
      challengeId: c.id,
      candidateKind: input.candidateKind,
      candidateId: input.candidateId,
      note: input.note,
    },
  });
  await enqueue(ctx.trx, 'notify', {
    userIds: await candidateUserIds(ctx.trx, { candidate_user_id: user, candidate_unit_id: unit }),
    title: `主办方推荐您揭榜「${c.title}」`,
    body: input.note || '主办方认为您与该榜单较为匹配，欢迎查看并报名揭榜。',
    link: `/console/taking/new/${c.id}`,
  });
  await enqueue(ctx.trx, 'notify', {
    userIds: [c.posterUserId],
    title: `主办方为「${c.title}」推荐了揭榜方：${name}`,
    body: input.note,
    link: `/console/challenges/${c.id}/takers`,
  });
  const row = await ctx.trx
    .selectFrom('suggestions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await presentSuggestions(ctx.trx, actor, [row]))[0]!;
}

/** Decline (the suggested party, with a reason) or withdraw (the office): compare-and-set on the state. */
export async function decideSuggestion(
  ctx: CommandCtx,
  id: number,
  action: Exclude<SuggestionAction, 'sign_up'>,
  reason: string,
): Promise<SuggestionView> {
  const actor = ctx.actor!;
  const row = await ctx.trx.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const res = await resOf(ctx.trx, row);
  // Authorise against the state the policy's own condition expects, so a late click is a conflict, not 403.
  authorize(actor, 'suggestion', action, { ...res, state: 'suggested' });
  const t = findTransition(SUGGESTION_WORKFLOW, row.state as SuggestionState, action);
  if (!t) throw new AppError('STATE_CONFLICT');
  if (t.opinion === 'required' && reason.trim() === '') throw new AppError('OPINION_REQUIRED');
  const done = await ctx.trx
    .updateTable('suggestions')
    .set({ state: t.to, reason: reason.trim(), updated_at: nowIso() })
    .where('id', '=', id)
    .where('state', '=', row.state)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT');
  await writeAudit(ctx, {
    action: `suggestion.${t.to}`,
    entityType: 'suggestion',
    entityId: id,
    regionId: row.region_id,
    before: { state: row.state },
    after: { state: t.to, reason: reason.trim() },
  });
  const c = await challengeById(ctx.trx, row.challenge_id);
  const to = action === 'decline' ? [row.suggested_by, c.posterUserId] : await candidateUserIds(ctx.trx, row);
  await enqueue(ctx.trx, 'notify', {
    userIds: to,
    title:
      action === 'decline'
        ? `${row.candidate_name} 婉拒了「${c.title}」的揭榜推荐`
        : `主办方撤回了「${c.title}」的揭榜推荐`,
    body: reason.trim(),
    link: action === 'decline' ? `/console/organiser/suggestions` : `/console/taking`,
  });
  const after = await ctx.trx
    .selectFrom('suggestions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await presentSuggestions(ctx.trx, actor, [after]))[0]!;
}
