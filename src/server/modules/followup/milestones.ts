import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { nowIso, type DbOrTrx, type Trx } from '../../db/index.js';
import { authorize, type Actor } from '../../policy/index.js';
import type { MilestoneInputData } from '../../../shared/followup/rules.js';
import { loadProject, partyIds, type ProjectRow } from './projects.js';

/* Milestones of a followed project: added, edited and marked done (or reopened) by the parties. */

export function needActor(ctx: CommandCtx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** Every active account on either side, the accounts of the two units included. */
export async function partyUserIds(db: DbOrTrx, p: ProjectRow): Promise<number[]> {
  const ids = new Set(partyIds(p.party_users));
  const units = [p.poster_unit_id, p.taker_unit_id].filter((x): x is number => x !== null);
  if (units.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('unit_id', 'in', units)
      .where('status', '=', 'active')
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

export async function notifyParties(
  trx: Trx,
  p: ProjectRow,
  actor: Actor | null,
  title: string,
  body: string,
) {
  const userIds = (await partyUserIds(trx, p)).filter((id) => id !== actor?.id);
  if (userIds.length > 0)
    await enqueue(trx, 'notify', { userIds, title, body, link: `/console/followup/${p.id}` });
}

async function touch(trx: Trx, projectId: number, now: string) {
  await trx.updateTable('followup_projects').set({ updated_at: now }).where('id', '=', projectId).execute();
}

export async function addMilestone(
  ctx: CommandCtx,
  projectId: number,
  input: MilestoneInputData,
): Promise<number> {
  const actor = needActor(ctx);
  const { project, res } = await loadProject(ctx.trx, actor, projectId);
  authorize(actor, 'followup_project', 'edit_milestones', res);
  const last = await ctx.trx
    .selectFrom('followup_milestones')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('followup_milestones')
    .values({
      project_id: projectId,
      position: Number(last?.p ?? 0) + 1,
      title: input.title,
      due: input.due,
      deliverable: input.deliverable,
      done_on: null,
      note: '',
      revision: 1,
      reminded_on: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch(ctx.trx, projectId, now);
  await writeAudit(ctx, {
    action: 'followup.milestone_added',
    entityType: 'followup_project',
    entityId: projectId,
    regionId: project.poster_region_id,
    after: { milestoneId: row.id, ...input },
  });
  return row.id;
}

async function loadMilestone(ctx: CommandCtx, projectId: number, milestoneId: number) {
  const actor = needActor(ctx);
  const l = await loadProject(ctx.trx, actor, projectId);
  authorize(actor, 'followup_project', 'edit_milestones', l.res);
  const m = await ctx.trx
    .selectFrom('followup_milestones')
    .selectAll()
    .where('id', '=', milestoneId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!m) throw new AppError('NOT_FOUND');
  return { project: l.project, m };
}

/** Compare-and-set on the milestone's revision: an edit based on an older view is a conflict. */
async function casUpdate(
  ctx: CommandCtx,
  id: number,
  revision: number,
  set: {
    title?: string;
    due?: string;
    deliverable?: string;
    done_on?: string | null;
    note?: string;
    reminded_on?: null;
  },
) {
  const res = await ctx.trx
    .updateTable('followup_milestones')
    .set({ ...set, revision: revision + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
}

export async function editMilestone(
  ctx: CommandCtx,
  projectId: number,
  milestoneId: number,
  input: MilestoneInputData & { revision: number },
): Promise<void> {
  const { project, m } = await loadMilestone(ctx, projectId, milestoneId);
  if (m.revision !== input.revision) throw new AppError('REVISION_CONFLICT');
  await casUpdate(ctx, m.id, m.revision, {
    title: input.title,
    due: input.due,
    deliverable: input.deliverable,
    ...(input.due !== m.due ? { reminded_on: null } : {}),
  });
  await touch(ctx.trx, projectId, nowIso());
  await writeAudit(ctx, {
    action: 'followup.milestone_edited',
    entityType: 'followup_project',
    entityId: projectId,
    regionId: project.poster_region_id,
    before: { milestoneId, title: m.title, due: m.due, deliverable: m.deliverable },
    after: { milestoneId, title: input.title, due: input.due, deliverable: input.deliverable },
  });
}

export async function markMilestone(
  ctx: CommandCtx,
  projectId: number,
  milestoneId: number,
  input: { done: boolean; doneOn?: string | undefined; note: string; revision: number },
  today: string,
): Promise<void> {
  const { project, m } = await loadMilestone(ctx, projectId, milestoneId);
  if (m.revision !== input.revision) throw new AppError('REVISION_CONFLICT');
  const doneOn = input.done ? (input.doneOn ?? today) : null;
  if (doneOn !== null && doneOn > today)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'doneOn', key: 'invalid_value' }]);
  await casUpdate(ctx, m.id, m.revision, { done_on: doneOn, note: input.note });
  await touch(ctx.trx, projectId, nowIso());
  await writeAudit(ctx, {
    action: input.done ? 'followup.milestone_done' : 'followup.milestone_reopened',
    entityType: 'followup_project',
    entityId: projectId,
    regionId: project.poster_region_id,
    before: { milestoneId, doneOn: m.done_on, note: m.note },
    after: { milestoneId, doneOn, note: input.note },
  });
  if (input.done)
    await notifyParties(
      ctx.trx,
      project,
      ctx.actor,
      `项目「${project.title}」里程碑已完成`,
      `${m.title}（${doneOn}）`,
    );
}
