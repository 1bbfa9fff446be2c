import { createHash } from 'node:crypto';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition, inScope } from '../../core/workflow.js';
import { nowIso, type Trx } from '../../db/index.js';
import { authorize, authorizeType, type Actor } from '../../policy/index.js';
import { checkEligibility, ELIGIBILITY_MESSAGES } from '../../../shared/stations/eligibility.js';
import { emptyForm, FLAGGABLE_SECTIONS, type ApplicationFormData } from '../../../shared/stations/form.js';
import { certifyStation } from './certify.js';
import { evidenceIds, loadApplication, staffUserIds, unitUserIds, type ApplicationRecord } from './load.js';
import {
  APPLICATION_WORKFLOW,
  OPEN_STATES,
  type ApplicationAction,
  type ApplicationState,
} from './workflow.js';

function needActor(ctx: CommandCtx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** A unit may have one application open and no live station (seed 000: one station per unit). */
async function assertNothingOpen(trx: Trx, unitId: number, exceptId?: number): Promise<void> {
  const station = await trx
    .selectFrom('stations')
    .select('number')
    .where('unit_id', '=', unitId)
    .where('status', '!=', 'deregistered')
    .executeTakeFirst();
  if (station) throw new AppError('STATION_EXISTS', { number: station.number });
  let q = trx
    .selectFrom('station_applications')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('state', 'in', OPEN_STATES);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  const open = await q.executeTakeFirst();
  if (open) throw new AppError('APPLICATION_OPEN', { id: open.id });
}

export async function createApplication(ctx: CommandCtx): Promise<number> {
  const actor = needActor(ctx);
  authorizeType(actor, 'application', 'create');
  if (actor.unitId === null) throw new AppError('FORBIDDEN');
  const unit = await ctx.trx
    .selectFrom('units')
    .select(['id', 'region_id'])
    .where('id', '=', actor.unitId)
    .executeTakeFirstOrThrow();
  await assertNothingOpen(ctx.trx, unit.id);
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('station_applications')
    .values({
      unit_id: unit.id,
      region_id: unit.region_id,
      state: 'draft',
      form_json: JSON.stringify(emptyForm()),
      revision: 1,
      flagged_json: '[]',
      last_opinion: '',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'application.created',
    entityType: 'application',
    entityId: row.id,
    regionId: unit.region_id,
  });
  return row.id;
}

/** Every evidence file must belong to the unit; a foreign file id is refused, not silently kept. */
async function assertOwnFiles(trx: Trx, unitId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const own = await trx
    .selectFrom('files')
    .select('id')
    .where('id', 'in', ids)
    .where('unit_id', '=', unitId)
    .execute();
  if (own.length !== ids.length)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'form', key: 'unknown_file' }]);
}

const formHash = (f: ApplicationFormData): string =>
  createHash('sha256').update(JSON.stringify(f)).digest('hex');

/**
 * Saves the form (autosave and "save draft"). Compare-and-set on the revision the client last saw:
 * a save from a stale tab is refused with REVISION_CONFLICT instead of overwriting newer work.
 */
export async function saveForm(
  ctx: CommandCtx,
  id: number,
  form: ApplicationFormData,
  revision: number,
): Promise<number> {
  const actor = needActor(ctx);
  const app = await loadApplication(ctx.trx, actor, id);
  authorize(actor, 'application', 'edit', {
    id,
    unitId: app.unitId,
    regionId: app.regionId,
    state: app.state,
  });
  await assertOwnFiles(ctx.trx, app.unitId, evidenceIds(form));
  const res = await ctx.trx
    .updateTable('station_applications')
    .set({ form_json: JSON.stringify(form), revision: revision + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('state', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  await writeAudit(ctx, {
    action: 'application.saved',
    entityType: 'application',
    entityId: id,
    regionId: app.regionId,
    before: { revision },
    after: { revision: revision + 1, formSha256: formHash(form) },
  });
  return revision + 1;
}

/** Attaches the signed-and-sealed scan of the printed form (盖章扫描件). */
export async function attachSealedScan(ctx: CommandCtx, id: number, fileId: number): Promise<void> {
  const actor = needActor(ctx);
  const app = await loadApplication(ctx.trx, actor, id);
  authorize(actor, 'application', 'edit', {
    id,
    unitId: app.unitId,
    regionId: app.regionId,
    state: app.state,
  });
  const file = await ctx.trx
    .selectFrom('files')
    .select(['unit_id', 'purpose'])
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!file || file.unit_id !== app.unitId || file.purpose !== 'sealed_scan') {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'fileId', key: 'unknown_file' }]);
  }
  const res = await ctx.trx
    .updateTable('station_applications')
    .set({ sealed_scan_file_id: fileId, updated_at: nowIso() })
    .where('id', '=', id)
    .where('state', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: app.state });
  await writeAudit(ctx, {
    action: 'application.scan_attached',
    entityType: 'application',
    entityId: id,
    regionId: app.regionId,
    before: { fileId: app.sealedScanFileId },
    after: { fileId },
  });
}

export interface DecisionInput {
  opinion?: string | undefined;
  /** Form sections the office flags for correction when it returns an application. */
  flagged?: string[] | undefined;
}

async function guard(ctx: CommandCtx, app: ApplicationRecord, action: ApplicationAction): Promise<void> {
  if (action === 'submit') {
    const e = checkEligibility(app.form);
    if (!e.eligible) {
      const list = e.missing.map((m) => ELIGIBILITY_MESSAGES[m.key]['zh-CN']).join('；');
      throw new AppError(
        'NOT_ELIGIBLE',
        { missing: list },
        e.missing.map((m) => ({ path: m.path, key: `eligibility.${m.key}` })),
      );
    }
    if (app.sealedScanFileId === null) throw new AppError('SCAN_REQUIRED');
    await assertNothingOpen(ctx.trx, app.unitId, app.id);
  }
  if (action === 'withdraw' && app.batchId !== null) throw new AppError('IN_BATCH');
  if (action === 'certify' || action === 'municipal_reject') {
    if (app.batchId === null) throw new AppError('NOT_IN_BATCH');
    const batch = await ctx.trx
      .selectFrom('cert_batches')
      .select('state')
      .where('id', '=', app.batchId)
      .executeTakeFirstOrThrow();
    if (batch.state !== 'open') throw new AppError('BATCH_CLOSED');
  }
}

/**
 * Takes a workflow action: the table says whether it exists from the current state and who may take
 * it; guards check the rest; the update is compare-and-set on the state, so of two officers deciding
 * at once exactly one wins and the other gets STATE_CONFLICT.
 */
export async function transition(
  ctx: CommandCtx,
  id: number,
  action: ApplicationAction,
  input: DecisionInput,
): Promise<ApplicationState> {
  const actor = needActor(ctx);
  const app = await loadApplication(ctx.trx, actor, id);
  const t = findTransition(APPLICATION_WORKFLOW, app.state, action);
  const roleOk = APPLICATION_WORKFLOW.some((x) => x.action === action && x.roles.includes(actor.role));
  if (!roleOk) throw new AppError('FORBIDDEN');
  if (!t) throw new AppError('STATE_CONFLICT', { state: app.state });
  const facts = { isOwner: actor.unitId === app.unitId, inRegion: actor.regionId === app.regionId };
  if (!inScope(t, facts)) throw new AppError('FORBIDDEN');
  const opinion = (input.opinion ?? '').trim();
  if (t.opinion === 'required' && !opinion)
    throw new AppError('OPINION_REQUIRED', {}, [{ path: 'opinion', key: 'required' }]);
  await guard(ctx, app, action);

  const now = nowIso();
  const flagged = action === 'return' ? (input.flagged ?? []) : [];
  const unknown = flagged.filter((f) => !(FLAGGABLE_SECTIONS as readonly string[]).includes(f));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'flagged', key: 'invalid_value' }]);
  const decided = t.to === 'certified' || t.to === 'rejected' || t.to === 'withdrawn';
  const res = await ctx.trx
    .updateTable('station_applications')
    .set({
      state: t.to,
      updated_at: now,
      ...(action === 'submit' ? { submitted_at: now, flagged_json: '[]' } : {}),
      // The printed, sealed form no longer matches once corrections are asked for: a new scan is needed.
      ...(action === 'return' ? { flagged_json: JSON.stringify(flagged), sealed_scan_file_id: null } : {}),
      ...(opinion ? { last_opinion: opinion } : {}),
      ...(decided ? { decided_at: now } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', app.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const cur = await ctx.trx
      .selectFrom('station_applications')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirst();
    throw new AppError('STATE_CONFLICT', { state: cur?.state ?? '?' });
  }
  await ctx.trx
    .insertInto('application_events')
    .values({
      application_id: id,
      action,
      from_state: app.state,
      to_state: t.to,
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_role: actor.role,
      opinion,
      flagged_json: JSON.stringify(flagged),
      at: now,
    })
    .execute();
  let station: { id: number; number: string } | null = null;
  if (action === 'certify') station = await certifyStation(ctx, app);
  await writeAudit(ctx, {
    action: `application.${action}`,
    entityType: 'application',
    entityId: id,
    regionId: app.regionId,
    before: { state: app.state },
    after: { state: t.to, opinion, flagged, ...(station ? { station } : {}) },
  });
  await notifyStep(ctx.trx, app, action, t.to, opinion);
  return t.to;
}

const STEP_TEXT: Record<ApplicationAction, string> = {
  submit: '已提交，等待区县博管办审核推荐',
  withdraw: '已撤回',
  return: '被退回修改',
  recommend: '已获区县博管办推荐，等待市博管办认定',
  district_reject: '未获区县博管办推荐',
  certify: '已通过市博管办认定备案',
  municipal_reject: '未通过市博管办认定',
};

async function notifyStep(
  trx: Trx,
  app: ApplicationRecord,
  action: ApplicationAction,
  to: ApplicationState,
  opinion: string,
): Promise<void> {
  const link = `/console/station-applications/${app.id}`;
  const body = opinion ? `意见：${opinion}` : `当前状态：${to}`;
  const title = `设站申请 #${app.id} ${STEP_TEXT[action]}`;
  const unitUsers = await unitUserIds(trx, app.unitId);
  const office =
    action === 'submit'
      ? await staffUserIds(trx, 'district_officer', app.regionId)
      : action === 'recommend'
        ? await staffUserIds(trx, 'municipal_officer')
        : [];
  await enqueue(trx, 'notify', { userIds: [...new Set([...unitUsers, ...office])], title, body, link });
}
