import type { Selectable } from 'kysely';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import type { FollowupProjectTable } from '../../db/schema-followup.js';
import { authorize, type MaybeActor, type ResourceMap } from '../../policy/index.js';
import type { SolutionInputData } from '../../../shared/taking/solution.js';

/*
 * A followed project (项目跟踪): opened in the transaction that confirms a match (对接成功), with the
 * solution's milestones as its first plan. Its parties are the poster's side and the taker's side.
 */

export type ProjectRow = Selectable<FollowupProjectTable>;

/** `,1,5,9,`: searchable with LIKE '%,5,%' on both engines. */
export const partyKey = (ids: readonly number[]): string => `,${[...new Set(ids)].join(',')},`;
export const partyIds = (key: string): number[] =>
  key
    .split(',')
    .filter((s) => s !== '')
    .map(Number);

export function projectRes(p: ProjectRow): ResourceMap['followup_project'] {
  return {
    id: p.id,
    partyUserIds: partyIds(p.party_users),
    partyUnitIds: [p.poster_unit_id, p.taker_unit_id].filter((x): x is number => x !== null),
    regionIds: [...new Set([p.poster_region_id, p.taker_region_id])],
  };
}

export interface LoadedProject {
  project: ProjectRow;
  res: ResourceMap['followup_project'];
}

/** A project the actor may see (404 otherwise). */
export async function loadProject(db: DbOrTrx, actor: MaybeActor, id: number): Promise<LoadedProject> {
  const project = await db
    .selectFrom('followup_projects')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!project) throw new AppError('NOT_FOUND');
  const res = projectRes(project);
  authorize(actor, 'followup_project', 'view', res);
  return { project, res };
}

async function unitRegion(db: DbOrTrx, unitId: number | null): Promise<number | null> {
  if (unitId === null) return null;
  const u = await db.selectFrom('units').select('region_id').where('id', '=', unitId).executeTakeFirst();
  return u?.region_id ?? null;
}

/**
 * Opens the followed project of a matched solution (idempotent: one per solution). Called by the
 * engagement command in the transaction of `confirm_match`.
 */
export async function openProject(ctx: CommandCtx, solutionId: number): Promise<number> {
  const trx = ctx.trx;
  const existing = await trx
    .selectFrom('followup_projects')
    .select('id')
    .where('solution_id', '=', solutionId)
    .executeTakeFirst();
  if (existing) return existing.id;
  const sol = await trx
    .selectFrom('solutions')
    .selectAll()
    .where('id', '=', solutionId)
    .executeTakeFirstOrThrow();
  const signup = await trx
    .selectFrom('signups')
    .selectAll()
    .where('id', '=', sol.signup_id)
    .executeTakeFirstOrThrow();
  const ch = await trx
    .selectFrom('challenges')
    .selectAll()
    .where('id', '=', sol.challenge_id)
    .executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom('signup_members')
    .select('user_id')
    .where('signup_id', '=', signup.id)
    .where('state', '=', 'confirmed')
    .execute();
  const takerUnitId = signup.taker_kind === 'unit' ? signup.unit_id : null;
  const now = nowIso();
  const row = await trx
    .insertInto('followup_projects')
    .values({
      solution_id: solutionId,
      challenge_id: ch.id,
      title: ch.title,
      poster_user_id: ch.poster_user_id,
      poster_unit_id: ch.unit_id,
      poster_region_id: (await unitRegion(trx, ch.unit_id)) ?? ch.region_id,
      leader_user_id: signup.leader_user_id,
      taker_unit_id: takerUnitId,
      taker_region_id: (await unitRegion(trx, takerUnitId)) ?? signup.region_id,
      party_users: partyKey([ch.poster_user_id, signup.leader_user_id, ...members.map((m) => m.user_id)]),
      matched_at: sol.taker_confirmed_at ?? now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const content = JSON.parse(sol.content_json) as SolutionInputData;
  const milestones = content.milestones ?? [];
  for (const [i, m] of milestones.entries())
    await trx
      .insertInto('followup_milestones')
      .values({
        project_id: row.id,
        position: i + 1,
        title: m.title,
        due: m.due,
        deliverable: m.deliverable ?? '',
        done_on: null,
        note: '',
        revision: 1,
        reminded_on: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  await writeAudit(ctx, {
    action: 'followup.project_opened',
    entityType: 'followup_project',
    entityId: row.id,
    regionId: ch.region_id,
    after: { solutionId, challengeId: ch.id, milestones: milestones.length },
  });
  return row.id;
}
