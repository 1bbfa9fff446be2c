import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { containsText, nowIso, toInt, type DbOrTrx, type Trx } from '../../db/index.js';
import { authorize, authorizeType, regionScope, type Actor, type MaybeActor } from '../../policy/index.js';
import {
  OUTCOME_STATES,
  OUTCOME_STATUSES,
  type OutcomeReportData,
  type OutcomeState,
} from '../../../shared/followup/rules.js';
import { needActor } from './milestones.js';
import { outcomeRes, presentOutcome, type OutcomeRow } from './outcome-presenter.js';
import { loadProject } from './projects.js';
import { OUTCOME_WORKFLOW, type OutcomeAction } from './workflow.js';

/* 成果报告: the district office's outcome report on a project, to the city (workflow.ts has the table). */

export async function loadOutcome(db: DbOrTrx, actor: MaybeActor, id: number): Promise<OutcomeRow> {
  const o = await db.selectFrom('outcome_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw new AppError('NOT_FOUND');
  authorize(actor, 'outcome_report', 'view', outcomeRes(o));
  return o;
}

const figures = (i: OutcomeReportData) => ({
  period: i.period,
  status: i.status,
  outcome: i.outcome,
  funding_wan: i.fundingWan,
  products: i.products,
  patents: i.patents,
  note: i.note,
});

export async function createOutcome(
  ctx: CommandCtx,
  projectId: number,
  input: OutcomeReportData,
): Promise<number> {
  const actor = needActor(ctx);
  const { project, res } = await loadProject(ctx.trx, actor, projectId);
  authorize(actor, 'followup_project', 'write_outcome', res);
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('outcome_reports')
    .values({
      project_id: projectId,
      region_id: actor.regionId!,
      state: 'draft',
      ...figures(input),
      revision: 1,
      last_comment: '',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      submitted_at: null,
      decided_at: null,
      decided_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'outcome_report.created',
    entityType: 'outcome_report',
    entityId: row.id,
    regionId: actor.regionId,
    after: { projectId: project.id, ...input },
  });
  return row.id;
}

export async function editOutcome(
  ctx: CommandCtx,
  id: number,
  input: OutcomeReportData & { revision: number },
): Promise<void> {
  const actor = needActor(ctx);
  const o = await loadOutcome(ctx.trx, actor, id);
  authorize(actor, 'outcome_report', 'edit', outcomeRes(o));
  if (o.revision !== input.revision) throw new AppError('REVISION_CONFLICT');
  const res = await ctx.trx
    .updateTable('outcome_reports')
    .set({ ...figures(input), revision: o.revision + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', o.revision)
    .where('state', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  await writeAudit(ctx, {
    action: 'outcome_report.edited',
    entityType: 'outcome_report',
    entityId: id,
    regionId: o.region_id,
    before: {
      period: o.period,
      status: o.status,
      outcome: o.outcome,
      fundingWan: Number(o.funding_wan),
      products: o.products,
      patents: o.patents,
      note: o.note,
    },
    after: { ...input },
  });
}

async function officeUserIds(trx: Trx): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'municipal_officer')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** Submit (district), acknowledge or return with a comment (city): compare-and-set on the state. */
export async function transitionOutcome(
  ctx: CommandCtx,
  id: number,
  action: OutcomeAction,
  opinion: string,
): Promise<void> {
  const actor = needActor(ctx);
  const o = await loadOutcome(ctx.trx, actor, id);
  const t = findTransition(OUTCOME_WORKFLOW, o.state as OutcomeState, action);
  if (!t) throw new AppError('STATE_CONFLICT', { state: o.state });
  authorize(actor, 'outcome_report', action, outcomeRes(o));
  const comment = opinion.trim();
  if (t.opinion === 'required' && !comment)
    throw new AppError('OPINION_REQUIRED', {}, [{ path: 'opinion', key: 'required' }]);
  const now = nowIso();
  const res = await ctx.trx
    .updateTable('outcome_reports')
    .set({
      state: t.to,
      updated_at: now,
      ...(action === 'submit'
        ? { submitted_at: now }
        : { decided_at: now, decided_by: actor.id, last_comment: comment }),
    })
    .where('id', '=', id)
    .where('state', '=', o.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: o.state });
  await writeAudit(ctx, {
    action: `outcome_report.${action}`,
    entityType: 'outcome_report',
    entityId: id,
    regionId: o.region_id,
    before: { state: o.state },
    after: { state: t.to, comment },
  });
  const project = await ctx.trx
    .selectFrom('followup_projects')
    .select('title')
    .where('id', '=', o.project_id)
    .executeTakeFirstOrThrow();
  const userIds = action === 'submit' ? await officeUserIds(ctx.trx) : [o.created_by];
  const title =
    action === 'submit'
      ? `区县报送了项目「${project.title}」的成果报告`
      : action === 'acknowledge'
        ? `项目「${project.title}」的成果报告已被市博管办确认`
        : `项目「${project.title}」的成果报告被退回`;
  if (userIds.length > 0)
    await enqueue(ctx.trx, 'notify', {
      userIds,
      title,
      body: comment ? `意见：${comment}` : '',
      link: `/console/followup/${o.project_id}`,
    });
}

export const ListOutcomesQuery = z.object({
  state: z.enum(OUTCOME_STATES).optional(),
  status: z.enum(OUTCOME_STATUSES).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type ListOutcomesFilter = z.infer<typeof ListOutcomesQuery>;

/** A district office its own reports (drafts included); the city every report once submitted. */
export async function queryOutcomes(db: DbOrTrx, actor: Actor, f: ListOutcomesFilter) {
  authorizeType(actor, 'outcome_report', 'list');
  let q = db.selectFrom('outcome_reports as o').innerJoin('followup_projects as p', 'p.id', 'o.project_id');
  const scope = regionScope(actor);
  // A district office (a region scope) sees its own, drafts included; the city (null) what was submitted.
  if (scope === null) q = q.where('o.state', '<>', 'draft');
  else q = q.where('o.region_id', '=', scope === 'none' ? -1 : scope);
  if (f.state) q = q.where('o.state', '=', f.state);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.regionId) q = q.where('o.region_id', '=', f.regionId);
  if (f.q) q = q.where(containsText('p.title', f.q));
  const total = toInt((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  const rows = await q
    .selectAll('o')
    .orderBy('o.updated_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total };
}

export async function listOutcomes(db: DbOrTrx, actor: Actor, f: ListOutcomesFilter) {
  const { rows, total } = await queryOutcomes(db, actor, f);
  return {
    items: await Promise.all(rows.map((o) => presentOutcome(db, actor, o))),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
