import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { isUniqueViolation } from '../../core/http/error-handler.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { allowedActions, authorize, type MaybeActor, type ResourceMap } from '../../policy/index.js';
import {
  VERIFICATION_STATE_LABELS,
  VERIFICATION_WORKFLOW,
  type VerificationAction,
  type VerificationState,
  type VerifiedType,
} from './workflow.js';

/** What is verified: enough to scope it, tell its owners, and name it. */
export interface Subject {
  type: VerifiedType;
  id: number;
  regionId: number;
  ownerUserIds: number[];
  ownerUnitId: number | null;
  title: string;
  /** Where the owners see it in the console. */
  link: string;
}

export async function loadSubject(db: DbOrTrx, type: VerifiedType, id: number): Promise<Subject> {
  if (type === 'challenge') {
    const c = await db
      .selectFrom('challenges')
      .select(['id', 'region_id', 'poster_user_id', 'unit_id', 'title', 'state'])
      .where('id', '=', id)
      .executeTakeFirst();
    // A draft is the poster's own business: offices see postings from submission on.
    if (!c || c.state === 'draft') throw new AppError('NOT_FOUND');
    return {
      type,
      id,
      regionId: c.region_id,
      ownerUserIds: [c.poster_user_id],
      ownerUnitId: c.unit_id,
      title: c.title,
      link: `/console/challenges/${id}`,
    };
  }
  const s = await db
    .selectFrom('signups as s')
    .innerJoin('challenges as c', 'c.id', 's.challenge_id')
    .select(['s.id', 's.region_id', 's.leader_user_id', 's.unit_id', 's.state', 'c.title'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND');
  const members = await db
    .selectFrom('signup_members')
    .select('user_id')
    .where('signup_id', '=', id)
    .where('state', '=', 'confirmed')
    .execute();
  return {
    type,
    id,
    regionId: s.region_id,
    ownerUserIds: [s.leader_user_id, ...members.map((m) => m.user_id)],
    ownerUnitId: s.unit_id,
    title: s.title,
    link: `/console/taking/${id}`,
  };
}

export interface VerificationView {
  state: VerificationState;
  note: string;
  by: string | null;
  at: string | null;
  actions: string[];
}

export async function verificationRow(db: DbOrTrx, type: VerifiedType, id: number) {
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .executeTakeFirst();
}

const res = (s: Subject, state: string): ResourceMap['verification'] => ({
  regionId: s.regionId,
  ownerUserIds: s.ownerUserIds,
  ownerUnitId: s.ownerUnitId,
  state,
});

/** The verification of one entity as the actor may see it (404 for outsiders). */
export async function viewVerification(
  db: DbOrTrx,
  actor: MaybeActor,
  type: VerifiedType,
  id: number,
): Promise<VerificationView> {
  const subject = await loadSubject(db, type, id);
  const row = await verificationRow(db, type, id);
  const state = (row?.state ?? 'unverified') as VerificationState;
  authorize(actor, 'verification', 'view', res(subject, state));
  return {
    state,
    note: row?.note ?? '',
    by: row?.updated_by_name ?? null,
    at: row?.updated_at ?? null,
    actions: allowedActions(actor, 'verification', res(subject, state)).filter((a) => a !== 'view'),
  };
}

/** 核实 or 存疑: compare-and-set on the state (a row is created on the first decision), audited, owners told. */
export async function decideVerification(
  ctx: CommandCtx,
  type: VerifiedType,
  id: number,
  action: VerificationAction,
  note: string,
): Promise<VerificationView> {
  const actor = ctx.actor!;
  const subject = await loadSubject(ctx.trx, type, id);
  const row = await verificationRow(ctx.trx, type, id);
  const from = (row?.state ?? 'unverified') as VerificationState;
  authorize(actor, 'verification', action, res(subject, from));
  const t = findTransition(VERIFICATION_WORKFLOW, from, action);
  if (!t) throw new AppError('STATE_CONFLICT');
  if (t.opinion === 'required' && note.trim() === '') throw new AppError('OPINION_REQUIRED');
  const values = {
    state: t.to,
    note: note.trim(),
    updated_by: actor.id,
    updated_by_name: actor.displayName,
    updated_at: nowIso(),
  };
  if (!row) {
    try {
      await ctx.trx
        .insertInto('verifications')
        .values({ entity_type: type, entity_id: id, region_id: subject.regionId, ...values })
        .execute();
    } catch (err) {
      // Another office decided first: the row exists now.
      if (isUniqueViolation(err)) throw new AppError('STATE_CONFLICT');
      throw err;
    }
  } else {
    const done = await ctx.trx
      .updateTable('verifications')
      .set(values)
      .where('id', '=', row.id)
      .where('state', '=', from)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT');
  }
  await writeAudit(ctx, {
    action: `verification.${action}`,
    entityType: type,
    entityId: id,
    regionId: subject.regionId,
    before: { state: from },
    after: { state: t.to, note: values.note },
  });
  const label = VERIFICATION_STATE_LABELS[t.to]['zh-CN'];
  await enqueue(ctx.trx, 'notify', {
    userIds: subject.ownerUserIds,
    title: `${type === 'challenge' ? '张榜' : '揭榜报名'}「${subject.title}」核实结果：${label}`,
    body: values.note || (t.to === 'verified' ? '主办方已核实，无需处理。' : ''),
    link: subject.link,
  });
  return viewVerification(ctx.trx, actor, type, id);
}
