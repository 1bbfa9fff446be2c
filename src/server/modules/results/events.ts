import type { Selectable } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import type { ResultsEventTable } from '../../db/schema-results.js';
import {
  allowedActions,
  authorize,
  authorizeType,
  type Actor,
  type MaybeActor,
  type ResourceMap,
} from '../../policy/index.js';
import type { EventData } from '../../../shared/results/rules.js';
import { needActor } from './announcements.js';
import { allMatches, factsOf, holderName } from './matches.js';

/*
 * 活动与大赛 (seed 002 §五): events the municipal office records (现场对接会, roadshow, training, other) with
 * the accounts that took part and the matched projects shown, and recommendations of matched projects to the
 * city's innovation and entrepreneurship competition.
 */

type EventRow = Selectable<ResultsEventTable>;
const eventRes = (e: EventRow): ResourceMap['results_event'] => ({ id: e.id, regionId: e.region_id });

async function loadEvent(db: DbOrTrx, actor: MaybeActor, id: number): Promise<EventRow> {
  const e = await db.selectFrom('results_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND');
  authorize(actor, 'results_event', 'view', eventRes(e));
  return e;
}

async function checkRegion(db: DbOrTrx, regionId: number | null): Promise<void> {
  if (regionId === null) return;
  const r = await db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!r) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'regionId', key: 'unknown_region' }]);
}

const eventValues = (i: EventData) => ({
  name: i.name,
  kind: i.kind,
  held_on: i.heldOn,
  place: i.place,
  description: i.description,
  region_id: i.regionId,
});

export async function createEvent(ctx: CommandCtx, input: EventData): Promise<number> {
  const actor = needActor(ctx);
  authorizeType(actor, 'results_event', 'create');
  await checkRegion(ctx.trx, input.regionId);
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('results_events')
    .values({ ...eventValues(input), revision: 1, created_by: actor.id, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'results_event.created',
    entityType: 'results_event',
    entityId: row.id,
    regionId: input.regionId,
    after: input,
  });
  return row.id;
}

export async function editEvent(ctx: CommandCtx, id: number, input: EventData & { revision: number }) {
  const actor = needActor(ctx);
  const e = await loadEvent(ctx.trx, actor, id);
  authorize(actor, 'results_event', 'edit', eventRes(e));
  if (e.revision !== input.revision) throw new AppError('REVISION_CONFLICT');
  await checkRegion(ctx.trx, input.regionId);
  const res = await ctx.trx
    .updateTable('results_events')
    .set({ ...eventValues(input), revision: e.revision + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', e.revision)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  await writeAudit(ctx, {
    action: 'results_event.edited',
    entityType: 'results_event',
    entityId: id,
    regionId: input.regionId,
    before: eventValues({
      name: e.name,
      kind: e.kind as EventData['kind'],
      heldOn: e.held_on,
      place: e.place,
      description: e.description,
      regionId: e.region_id,
    }),
    after: eventValues(input),
  });
}

export const ParticipantInput = z.object({ username: z.string().trim().min(1).max(64) });
export const ProjectInput = z.object({ solutionId: z.number().int().positive() });

/** Links an account (a unit or a person, by username) to the event; linking twice is a no-op. */
export async function addParticipant(ctx: CommandCtx, eventId: number, username: string): Promise<void> {
  const actor = needActor(ctx);
  const e = await loadEvent(ctx.trx, actor, eventId);
  authorize(actor, 'results_event', 'edit', eventRes(e));
  const u = await ctx.trx
    .selectFrom('users')
    .select(['id', 'role'])
    .where('username', '=', username)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!u || (u.role !== 'unit' && u.role !== 'individual'))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'username', key: 'unknown_participant' }]);
  const exists = await ctx.trx
    .selectFrom('results_event_participants')
    .select('id')
    .where('event_id', '=', eventId)
    .where('user_id', '=', u.id)
    .executeTakeFirst();
  if (exists) return;
  await ctx.trx
    .insertInto('results_event_participants')
    .values({ event_id: eventId, user_id: u.id, created_at: nowIso() })
    .execute();
  await writeAudit(ctx, {
    action: 'results_event.participant_added',
    entityType: 'results_event',
    entityId: eventId,
    regionId: e.region_id,
    after: { userId: u.id },
  });
}

export async function removeParticipant(ctx: CommandCtx, eventId: number, userId: number): Promise<void> {
  const actor = needActor(ctx);
  const e = await loadEvent(ctx.trx, actor, eventId);
  authorize(actor, 'results_event', 'edit', eventRes(e));
  const res = await ctx.trx
    .deleteFrom('results_event_participants')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw new AppError('NOT_FOUND');
  await writeAudit(ctx, {
    action: 'results_event.participant_removed',
    entityType: 'results_event',
    entityId: eventId,
    regionId: e.region_id,
    before: { userId },
  });
}

/** Links a matched project to the event (a solution that is not a match: field error). */
export async function addProject(ctx: CommandCtx, eventId: number, solutionId: number): Promise<void> {
  const actor = needActor(ctx);
  const e = await loadEvent(ctx.trx, actor, eventId);
  authorize(actor, 'results_event', 'edit', eventRes(e));
  if (!(await factsOf(ctx.trx, [solutionId])).has(solutionId))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'solutionId', key: 'not_matched' }]);
  const exists = await ctx.trx
    .selectFrom('results_event_projects')
    .select('id')
    .where('event_id', '=', eventId)
    .where('solution_id', '=', solutionId)
    .executeTakeFirst();
  if (exists) return;
  await ctx.trx
    .insertInto('results_event_projects')
    .values({ event_id: eventId, solution_id: solutionId, created_at: nowIso() })
    .execute();
  await writeAudit(ctx, {
    action: 'results_event.project_added',
    entityType: 'results_event',
    entityId: eventId,
    regionId: e.region_id,
    after: { solutionId },
  });
}

export async function removeProject(ctx: CommandCtx, eventId: number, solutionId: number): Promise<void> {
  const actor = needActor(ctx);
  const e = await loadEvent(ctx.trx, actor, eventId);
  authorize(actor, 'results_event', 'edit', eventRes(e));
  const res = await ctx.trx
    .deleteFrom('results_event_projects')
    .where('event_id', '=', eventId)
    .where('solution_id', '=', solutionId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw new AppError('NOT_FOUND');
  await writeAudit(ctx, {
    action: 'results_event.project_removed',
    entityType: 'results_event',
    entityId: eventId,
    regionId: e.region_id,
    before: { solutionId },
  });
}

const presentEventRow = (actor: MaybeActor, e: EventRow) => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  heldOn: e.held_on,
  place: e.place,
  description: e.description,
  regionId: e.region_id,
  revision: e.revision,
  actions: allowedActions(actor, 'results_event', eventRes(e)),
});

export async function listEvents(db: DbOrTrx, actor: Actor) {
  authorizeType(actor, 'results_event', 'list');
  let q = db.selectFrom('results_events').selectAll();
  if (actor.role === 'district_officer')
    q = q.where((eb) => eb.or([eb('region_id', 'is', null), eb('region_id', '=', actor.regionId ?? -1)]));
  const rows = await q.orderBy('held_on', 'desc').orderBy('id', 'desc').limit(500).execute();
  return { items: rows.map((e) => presentEventRow(actor, e)) };
}

export async function presentEvent(db: DbOrTrx, actor: Actor, id: number) {
  const e = await loadEvent(db, actor, id);
  const parts = await db
    .selectFrom('results_event_participants')
    .select(['user_id'])
    .where('event_id', '=', id)
    .orderBy('id')
    .execute();
  const participants = [];
  for (const p of parts) {
    const u = await db
      .selectFrom('users')
      .select('username')
      .where('id', '=', p.user_id)
      .executeTakeFirstOrThrow();
    const h = await holderName(db, p.user_id);
    participants.push({ userId: p.user_id, username: u.username, name: h.name, role: h.role });
  }
  const projs = await db
    .selectFrom('results_event_projects')
    .select('solution_id')
    .where('event_id', '=', id)
    .orderBy('id')
    .execute();
  const facts = await factsOf(
    db,
    projs.map((p) => p.solution_id),
  );
  return {
    ...presentEventRow(actor, e),
    participants,
    projects: projs.flatMap((p) => {
      const f = facts.get(p.solution_id);
      return f ? [{ solutionId: f.solutionId, needTitle: f.needTitle, takerName: f.takerName }] : [];
    }),
  };
}

/** Every match with its competition recommendation (the office's 大赛推荐 list). */
export async function listMatches(db: DbOrTrx, actor: Actor) {
  authorizeType(actor, 'results_event', 'list');
  let matches = await allMatches(db);
  if (actor.role === 'district_officer')
    matches = matches.filter((m) => actor.regionId !== null && m.regionIds.includes(actor.regionId));
  const recs = await db.selectFrom('competition_recommendations').selectAll().execute();
  const byId = new Map(recs.map((r) => [r.solution_id, r]));
  return {
    items: matches.map((m) => {
      const r = byId.get(m.solutionId);
      return {
        ...m,
        recommendation: r ? { recommendedOn: r.recommended_on, note: r.note } : null,
      };
    }),
  };
}

/** 推荐参加创新创业大赛: once per match (again: 409). */
export async function recommend(
  ctx: CommandCtx,
  solutionId: number,
  input: { recommendedOn: string; note: string },
): Promise<void> {
  const actor = needActor(ctx);
  authorizeType(actor, 'results_event', 'recommend');
  if (!(await factsOf(ctx.trx, [solutionId])).has(solutionId)) throw new AppError('NOT_FOUND');
  const exists = await ctx.trx
    .selectFrom('competition_recommendations')
    .select('id')
    .where('solution_id', '=', solutionId)
    .executeTakeFirst();
  if (exists) throw new AppError('DUPLICATE');
  await ctx.trx
    .insertInto('competition_recommendations')
    .values({
      solution_id: solutionId,
      recommended_on: input.recommendedOn,
      note: input.note,
      created_by: actor.id,
      created_at: nowIso(),
    })
    .execute();
  await writeAudit(ctx, {
    action: 'solution.recommended_to_competition',
    entityType: 'solution',
    entityId: solutionId,
    after: input,
  });
}

export async function unrecommend(ctx: CommandCtx, solutionId: number): Promise<void> {
  const actor = needActor(ctx);
  authorizeType(actor, 'results_event', 'recommend');
  const before = await ctx.trx
    .selectFrom('competition_recommendations')
    .selectAll()
    .where('solution_id', '=', solutionId)
    .executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND');
  await ctx.trx.deleteFrom('competition_recommendations').where('id', '=', before.id).execute();
  await writeAudit(ctx, {
    action: 'solution.competition_recommendation_removed',
    entityType: 'solution',
    entityId: solutionId,
    before: { recommendedOn: before.recommended_on, note: before.note },
  });
}
