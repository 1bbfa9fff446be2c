import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { authorize, type MaybeActor } from '../../policy/index.js';
import type { ProgressReportData } from '../../../shared/followup/rules.js';
import { needActor, notifyParties } from './milestones.js';
import { loadProject } from './projects.js';

/* 进展报告: a party's periodic progress report on its project, with milestone statuses and attachments. */

export async function addProgressReport(
  ctx: CommandCtx,
  projectId: number,
  input: ProgressReportData,
): Promise<number> {
  const actor = needActor(ctx);
  const { project, res } = await loadProject(ctx.trx, actor, projectId);
  authorize(actor, 'followup_project', 'report', res);
  const fields: FieldError[] = [];
  const ms = await ctx.trx
    .selectFrom('followup_milestones')
    .select('id')
    .where('project_id', '=', projectId)
    .execute();
  const own = new Set(ms.map((m) => m.id));
  input.milestones.forEach((m, i) => {
    if (!own.has(m.milestoneId)) fields.push({ path: `milestones.${i}.milestoneId`, key: 'invalid_value' });
  });
  // Attachments: the author's own uploads only.
  if (input.attachmentIds.length > 0) {
    const files = await ctx.trx
      .selectFrom('files')
      .select('id')
      .where('id', 'in', input.attachmentIds)
      .where('owner_user_id', '=', actor.id)
      .execute();
    const mine = new Set(files.map((f) => f.id));
    input.attachmentIds.forEach((id, i) => {
      if (!mine.has(id)) fields.push({ path: `attachmentIds.${i}`, key: 'invalid_value' });
    });
  }
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  const side =
    actor.id === project.poster_user_id ||
    (project.poster_unit_id !== null && actor.unitId === project.poster_unit_id)
      ? 'poster'
      : 'taker';
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('followup_reports')
    .values({
      project_id: projectId,
      author_user_id: actor.id,
      author_name: actor.displayName,
      side,
      period: input.period,
      body: input.body,
      milestones_json: JSON.stringify(input.milestones),
      attachment_ids_json: JSON.stringify(input.attachmentIds),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx
    .updateTable('followup_projects')
    .set({ updated_at: now })
    .where('id', '=', projectId)
    .execute();
  await writeAudit(ctx, {
    action: 'followup.progress_reported',
    entityType: 'followup_project',
    entityId: projectId,
    regionId: project.poster_region_id,
    after: { reportId: row.id, side, period: input.period, attachments: input.attachmentIds.length },
  });
  await notifyParties(
    ctx.trx,
    project,
    actor,
    `项目「${project.title}」有新的进展报告`,
    `报告期：${input.period}`,
  );
  return row.id;
}

/** A progress report's attachment, authorised by the project (404 for anyone who may not see it). */
export async function reportFile(
  db: DbOrTrx,
  actor: MaybeActor,
  projectId: number,
  reportId: number,
  fileId: number,
) {
  await loadProject(db, actor, projectId);
  const r = await db
    .selectFrom('followup_reports')
    .select('attachment_ids_json')
    .where('id', '=', reportId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!r || !(JSON.parse(r.attachment_ids_json) as number[]).includes(fileId))
    throw new AppError('NOT_FOUND');
  const f = await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND');
  return f;
}
