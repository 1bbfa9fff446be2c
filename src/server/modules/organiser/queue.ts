import { sql } from 'kysely';
import { z } from 'zod';
import { toInt, type DbOrTrx } from '../../db/index.js';
import { allowedActions, authorizeType, regionScope, type Actor } from '../../policy/index.js';
import { VERIFICATION_STATES, VERIFIED_TYPES, type VerificationState } from './workflow.js';

/** 核实 queue: the postings (from submission on) or live sign-ups of the office's scope, with their state. */
export const QueueQuery = z.object({
  type: z.enum(VERIFIED_TYPES),
  state: z.enum(VERIFICATION_STATES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type QueueFilter = z.infer<typeof QueueQuery>;

export interface QueueItem {
  type: 'challenge' | 'signup';
  id: number;
  challengeId: number;
  title: string;
  owner: string;
  regionId: number;
  entityState: string;
  state: VerificationState;
  note: string;
  by: string | null;
  at: string | null;
  actions: string[];
}

export async function verificationQueue(db: DbOrTrx, actor: Actor, f: QueueFilter) {
  authorizeType(actor, 'verification', 'list');
  const scope = regionScope(actor);
  const vstate = sql<string>`coalesce(v.state, 'unverified')`;
  const q =
    f.type === 'challenge'
      ? db
          .selectFrom('challenges as e')
          .innerJoin('users as o', 'o.id', 'e.poster_user_id')
          .leftJoin('verifications as v', (j) =>
            j.onRef('v.entity_id', '=', 'e.id').on('v.entity_type', '=', 'challenge'),
          )
          .select([
            'e.id',
            'e.id as challengeId',
            'e.title',
            'o.display_name as owner',
            'e.region_id as regionId',
            'e.state as entityState',
            'e.poster_user_id as ownerUserId',
            'e.unit_id as ownerUnitId',
          ])
          .where('e.state', '!=', 'draft')
      : db
          .selectFrom('signups as e')
          .innerJoin('challenges as c', 'c.id', 'e.challenge_id')
          .innerJoin('users as o', 'o.id', 'e.leader_user_id')
          .leftJoin('verifications as v', (j) =>
            j.onRef('v.entity_id', '=', 'e.id').on('v.entity_type', '=', 'signup'),
          )
          .select([
            'e.id',
            'c.id as challengeId',
            'c.title',
            'o.display_name as owner',
            'e.region_id as regionId',
            'e.state as entityState',
            'e.leader_user_id as ownerUserId',
            'e.unit_id as ownerUnitId',
          ])
          .where('e.state', '!=', 'withdrawn');
  let scoped = q.select([
    vstate.as('vstate'),
    sql<string>`coalesce(v.note, '')`.as('note'),
    'v.updated_by_name as by',
    'v.updated_at as at',
  ]);
  if (scope === 'none') scoped = scoped.where(sql<boolean>`1 = 0`);
  else if (scope !== null) scoped = scoped.where('e.region_id', '=', scope);
  if (f.state) scoped = scoped.where(vstate, '=', f.state);
  const total = await db
    .selectFrom(scoped.as('x'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await scoped
    .orderBy('e.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const items: QueueItem[] = rows.map((r) => ({
    type: f.type,
    id: r.id,
    challengeId: r.challengeId,
    title: r.title,
    owner: r.owner,
    regionId: r.regionId,
    entityState: r.entityState,
    state: r.vstate as VerificationState,
    note: r.note,
    by: r.by ?? null,
    at: r.at ?? null,
    actions: allowedActions(actor, 'verification', {
      regionId: r.regionId,
      ownerUserIds: [r.ownerUserId],
      ownerUnitId: r.ownerUnitId,
      state: r.vstate,
    }).filter((a) => a !== 'view'),
  }));
  return { total: toInt(total.n), page: f.page, pageSize: f.pageSize, items };
}
