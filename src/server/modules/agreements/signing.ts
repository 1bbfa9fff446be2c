import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso } from '../../db/index.js';
import { authorize, type Actor } from '../../policy/index.js';
import { verifyPassword } from '../accounts/password.js';
import { defaultSecuritySettings, getSecuritySettings } from '../settings/security.js';
import { lockState, needActor, type AgreementDeps } from './commands.js';
import { recordEvent } from './events.js';
import { autoFile } from './filing.js';
import {
  isTurnOf,
  loadAgreement,
  policyRes,
  readAgreement,
  type AgreementRecord,
  type PartyRecord,
} from './load.js';
import { AGREEMENT_WORKFLOW } from './workflow.js';

export type SignResult = { ok: true; state: string } | { ok: false; error: AppError };

/** The caller's party row; whoever is not a party gets the policy's answer (403 for the office). */
function myParty(actor: Actor, a: AgreementRecord, action: 'sign' | 'decline'): PartyRecord {
  const me = a.parties.find((p) => p.userId === actor.id);
  if (!me) {
    authorize(actor, 'agreement', action, policyRes(a));
    throw new AppError('FORBIDDEN');
  }
  return me;
}

/** Refusals in the order a person can act on them: the state, their own signature, their turn. */
function assertMayAct(a: AgreementRecord, me: PartyRecord, action: 'sign' | 'decline'): void {
  if (!findTransition(AGREEMENT_WORKFLOW, a.state, action))
    throw new AppError('STATE_CONFLICT', { state: a.state });
  if (me.state === 'signed') throw new AppError('AGREEMENT_ALREADY_SIGNED');
  if (me.state === 'declined') throw new AppError('STATE_CONFLICT', { state: 'declined' });
  if (action === 'sign' && !isTurnOf(a, me.userId)) {
    const waiting = a.parties
      .filter((p) => p.state === 'pending' && p.order < me.order)
      .map((p) => p.roleLabel);
    throw new AppError('AGREEMENT_NOT_YOUR_TURN', { waiting: [...new Set(waiting)].join('、') });
  }
}

/**
 * The password check of a signature. A wrong password counts against the login lock-out (the same
 * counter and threshold as logging in) and is returned, not thrown, so the count commits.
 */
async function checkPassword(
  ctx: CommandCtx,
  actor: Actor,
  password: string,
  id: number,
): Promise<AppError | null> {
  const user = await ctx.trx
    .selectFrom('users')
    .select(['password_hash', 'locked_until'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  const now = new Date();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    const minutes = Math.max(1, Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000));
    return new AppError('ACCOUNT_LOCKED', { minutes });
  }
  if (await verifyPassword(password, user.password_hash)) {
    await ctx.trx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', actor.id).execute();
    return null;
  }
  const security = await getSecuritySettings(ctx.trx, defaultSecuritySettings(30));
  const counted = await ctx.trx
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: nowIso() }))
    .where('id', '=', actor.id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  const lock = counted.failed_logins >= security.maxFailedLogins;
  if (lock) {
    const lockedUntil = new Date(now.getTime() + security.lockoutMinutes * 60_000).toISOString();
    await ctx.trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: lockedUntil })
      .where('id', '=', actor.id)
      .execute();
  }
  await writeAudit(ctx, {
    action: lock ? 'auth.account_locked' : 'agreement.sign_password_failed',
    entityType: lock ? 'account' : 'agreement',
    entityId: lock ? actor.id : id,
    after: { failures: counted.failed_logins },
  });
  return lock
    ? new AppError('ACCOUNT_LOCKED', { minutes: security.lockoutMinutes })
    : new AppError('AGREEMENT_PASSWORD_WRONG', {}, [{ path: 'password', key: 'wrong_password' }]);
}

/**
 * A party signs the document it has seen (its SHA-256), re-entering its password. Signing order is
 * the template's; the document row is locked first (compare-and-set on `signing`), so of two parties
 * signing at once both succeed one after the other, and a double click signs once.
 */
export async function signAgreement(
  ctx: CommandCtx,
  deps: AgreementDeps,
  id: number,
  input: { password: string; documentSha256?: string | undefined },
): Promise<SignResult> {
  const actor = needActor(ctx);
  const seen = await loadAgreement(ctx.trx, actor, id);
  assertMayAct(seen, myParty(actor, seen, 'sign'), 'sign');
  if (input.documentSha256 && input.documentSha256 !== seen.documentSha256)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'documentSha256', key: 'document_hash' }]);
  const bad = await checkPassword(ctx, actor, input.password, id);
  if (bad) return { ok: false, error: bad };
  return { ok: true, state: await recordSignature(ctx, deps, id, 'password') };
}

/** The signature itself, after the caller proved who it is (password, or another module's act). */
export async function recordSignature(
  ctx: CommandCtx,
  deps: AgreementDeps,
  id: number,
  method: 'password' | 'acceptance',
): Promise<string> {
  const actor = needActor(ctx);
  await lockState(ctx.trx, id, ['signing']);
  const a = (await readAgreement(ctx.trx, id))!;
  const me = myParty(actor, a, 'sign');
  assertMayAct(a, me, 'sign');
  const now = nowIso();
  const res = await ctx.trx
    .updateTable('agreement_parties')
    .set({
      state: 'signed',
      method,
      signed_at: now,
      ip: ctx.ip,
      user_agent: ctx.userAgent.slice(0, 300),
      signed_sha256: a.documentSha256,
    })
    .where('id', '=', me.id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('AGREEMENT_ALREADY_SIGNED');
  await recordEvent(ctx, id, {
    action: method === 'acceptance' ? 'accepted' : 'signed',
    from: 'signing',
    to: 'signing',
    roleLabel: me.roleLabel,
    sha256: a.documentSha256,
  });
  await writeAudit(ctx, {
    action: 'agreement.signed',
    entityType: 'agreement',
    entityId: id,
    regionId: a.regionId,
    after: { role: me.roleLabel, sha256: a.documentSha256, method },
  });
  const pending = a.parties.filter((p) => p.state === 'pending' && p.id !== me.id);
  if (pending.length > 0) {
    await notify(
      ctx,
      a,
      pending.map((p) => p.userId),
      `文书「${a.title}」（${a.number}）待您签署`,
    );
    return 'signing';
  }
  await ctx.trx
    .updateTable('agreements')
    .set({ state: 'signed', signed_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'signing')
    .execute();
  await recordEvent(ctx, id, {
    action: 'completed',
    from: 'signing',
    to: 'signed',
    sha256: a.documentSha256,
    system: true,
  });
  const template = await ctx.trx
    .selectFrom('agreement_templates')
    .select('filing')
    .where('id', '=', a.templateId)
    .executeTakeFirstOrThrow();
  if (template.filing === 'auto') {
    await autoFile(ctx, deps, id);
    return 'filed';
  }
  const officers = await ctx.trx
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('role', '=', 'municipal_officer'),
        ...(a.regionId !== null
          ? [eb.and([eb('role', '=', 'district_officer'), eb('region_id', '=', a.regionId)])]
          : []),
      ]),
    )
    .execute();
  await notify(
    ctx,
    a,
    officers.map((o) => o.id),
    `文书「${a.title}」（${a.number}）各方已签署，待备案`,
    true,
  );
  return 'signed';
}

/** Parties open it from 文书签署, the offices from 备案登记 (both pages open `?open=<id>`). */
async function notify(
  ctx: CommandCtx,
  a: AgreementRecord,
  userIds: number[],
  title: string,
  office = false,
): Promise<void> {
  if (userIds.length === 0) return;
  const link = office
    ? `/console/agreement-register?state=signed&open=${a.id}`
    : `/console/agreements?open=${a.id}`;
  await enqueue(ctx.trx, 'notify', { userIds, title, body: '', link });
}

/** A party declines with a reason: the document ends (declined) and nobody can sign it any more. */
export async function declineAgreement(ctx: CommandCtx, id: number, reason: string): Promise<void> {
  const actor = needActor(ctx);
  const seen = await loadAgreement(ctx.trx, actor, id);
  assertMayAct(seen, myParty(actor, seen, 'decline'), 'decline');
  if (!reason.trim()) throw new AppError('OPINION_REQUIRED', {}, [{ path: 'reason', key: 'required' }]);
  await lockState(ctx.trx, id, ['signing']);
  const a = (await readAgreement(ctx.trx, id))!;
  const me = myParty(actor, a, 'decline');
  assertMayAct(a, me, 'decline');
  const now = nowIso();
  await ctx.trx
    .updateTable('agreement_parties')
    .set({ state: 'declined', reason, signed_at: now, ip: ctx.ip, user_agent: ctx.userAgent.slice(0, 300) })
    .where('id', '=', me.id)
    .where('state', '=', 'pending')
    .execute();
  await ctx.trx
    .updateTable('agreements')
    .set({ state: 'declined', closed_reason: reason, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'signing')
    .execute();
  await recordEvent(ctx, id, {
    action: 'declined',
    from: 'signing',
    to: 'declined',
    roleLabel: me.roleLabel,
    detail: reason,
  });
  await writeAudit(ctx, {
    action: 'agreement.declined',
    entityType: 'agreement',
    entityId: id,
    regionId: a.regionId,
    before: { state: 'signing' },
    after: { state: 'declined', role: me.roleLabel, reason },
  });
  const others = a.parties.filter((p) => p.id !== me.id).map((p) => p.userId);
  await notify(ctx, a, others, `文书「${a.title}」（${a.number}）已被${me.roleLabel}拒签`);
}

/** The municipal office withdraws a document that is not filed yet (e.g. made by mistake). */
export async function cancelAgreement(ctx: CommandCtx, id: number, reason: string): Promise<void> {
  const actor = needActor(ctx);
  const a = await loadAgreement(ctx.trx, actor, id);
  if (!AGREEMENT_WORKFLOW.some((t) => t.action === 'cancel' && t.roles.includes(actor.role)))
    authorize(actor, 'agreement', 'cancel', policyRes(a));
  if (!findTransition(AGREEMENT_WORKFLOW, a.state, 'cancel'))
    throw new AppError('STATE_CONFLICT', { state: a.state });
  if (!reason.trim()) throw new AppError('OPINION_REQUIRED', {}, [{ path: 'reason', key: 'required' }]);
  await lockState(ctx.trx, id, ['signing', 'signed']);
  await ctx.trx
    .updateTable('agreements')
    .set({ state: 'cancelled', closed_reason: reason, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordEvent(ctx, id, { action: 'cancelled', from: a.state, to: 'cancelled', detail: reason });
  await writeAudit(ctx, {
    action: 'agreement.cancelled',
    entityType: 'agreement',
    entityId: id,
    regionId: a.regionId,
    before: { state: a.state },
    after: { state: 'cancelled', reason },
  });
  await notify(
    ctx,
    a,
    a.parties.map((p) => p.userId),
    `文书「${a.title}」（${a.number}）已被市博管办撤销`,
  );
}
