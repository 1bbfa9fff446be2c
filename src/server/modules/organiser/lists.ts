import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { containsText, toInt, type DbOrTrx } from '../../db/index.js';
import { authorize, authorizeType, regionScope, type Actor } from '../../policy/index.js';
import { challengeById } from '../taking/load.js';
import { presentSuggestions } from './suggestions.js';
import { SUGGESTION_STATES } from './workflow.js';

export const SuggestionListQuery = z.object({
  state: z.enum(SUGGESTION_STATES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The office's suggestions, in its scope. */
export async function listSuggestions(db: DbOrTrx, actor: Actor, f: z.infer<typeof SuggestionListQuery>) {
  authorizeType(actor, 'suggestion', 'list');
  const scope = regionScope(actor);
  let q = db.selectFrom('suggestions').selectAll();
  if (scope === 'none') q = q.where(sql<boolean>`1 = 0`);
  else if (scope !== null) q = q.where('region_id', '=', scope);
  if (f.state) q = q.where('state', '=', f.state);
  const total = await db
    .selectFrom(q.as('x'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: toInt(total.n),
    page: f.page,
    pageSize: f.pageSize,
    items: await presentSuggestions(db, actor, rows),
  };
}

/** The suggestions for one need: its poster and the offices in scope. */
export async function suggestionsForNeed(db: DbOrTrx, actor: Actor, challengeId: number) {
  const c = await challengeById(db, challengeId).catch(() => {
    throw new AppError('NOT_FOUND');
  });
  authorize(actor, 'need_recommendations', 'view', {
    regionId: c.regionId,
    posterUserId: c.posterUserId,
    posterUnitId: c.unitId,
  });
  const rows = await db
    .selectFrom('suggestions')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .orderBy('id', 'desc')
    .execute();
  return { items: await presentSuggestions(db, actor, rows) };
}

/** The suggestions made to the signed-in person or unit. */
export async function mySuggestions(db: DbOrTrx, actor: Actor) {
  authorizeType(actor, 'my_recommendations', 'view');
  const q = db.selectFrom('suggestions').selectAll();
  const rows = await (
    actor.role === 'unit' && actor.unitId !== null
      ? q.where('candidate_unit_id', '=', actor.unitId)
      : q.where('candidate_user_id', '=', actor.id)
  )
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return { items: await presentSuggestions(db, actor, rows) };
}

export const CandidateQuery = z.object({
  kind: z.enum(['user', 'unit']),
  q: z.string().trim().min(1).max(50),
});

/** People (PhDs/postdocs first) or units matching a name, for the office's suggestion form. */
export async function searchCandidates(db: DbOrTrx, actor: Actor, f: z.infer<typeof CandidateQuery>) {
  authorizeType(actor, 'suggestion', 'create');
  if (f.kind === 'unit') {
    const units = await db
      .selectFrom('units')
      .select(['id', 'name', 'registration_date'])
      .where(containsText('name', f.q))
      .orderBy('id')
      .limit(20)
      .execute();
    return {
      items: units.map((u) => ({
        kind: 'unit' as const,
        id: u.id,
        name: u.name,
        detail: `注册于 ${u.registration_date || '—'}`,
      })),
    };
  }
  const people = await db
    .selectFrom('users as u')
    .innerJoin('person_profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.username', 'p.name', 'p.institution', 'p.field'])
    .where('u.role', '=', 'individual')
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        containsText('p.name', f.q),
        containsText('u.username', f.q),
        containsText('p.institution', f.q),
      ]),
    )
    .orderBy('u.id')
    .limit(20)
    .execute();
  return {
    items: people.map((p) => ({
      kind: 'user' as const,
      id: p.id,
      name: `${p.name}（${p.username}）`,
      detail: `${p.institution} · ${p.field}`,
    })),
  };
}
