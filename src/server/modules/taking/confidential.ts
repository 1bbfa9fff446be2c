import { createHash } from 'node:crypto';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { logAccess } from '../challenges/access-log.js';
import { authorize, can, type Actor } from '../../policy/index.js';
import {
  CONFIDENTIALITY,
  confidentialityCanonical,
  type ConfidentialitySide,
} from '../../../shared/taking/confidentiality.js';
import { loadChallenge, policyRes, type ChallengeRecord } from '../challenges/load.js';
import { presentFiles } from '../files/commands.js';
import { liveParticipation, loadSignup, type LoadedSignup } from './load.js';
import { needActor } from './signups.js';

/*
 * The confidentiality gate (seed 002 §三(一) 保密书): a taker sees a need's confidential part, and a poster a
 * solution's attachments, only after accepting the side's 保密书 for that need — per account, so every person
 * who reads has accepted. Every view and download of confidential material is logged and listed to its owner.
 */

export interface Acceptance {
  side: ConfidentialitySide;
  version: string;
  title: string;
  sha256: string;
  acceptedAt: string;
  userId: number;
  ip: string;
}

/** Has this account accepted the current 保密书 of this side for this need? */
export async function hasAccepted(
  db: DbOrTrx,
  challengeId: number,
  userId: number,
  side: ConfidentialitySide,
): Promise<boolean> {
  const row = await db
    .selectFrom('confidentiality_acceptances')
    .select('id')
    .where('challenge_id', '=', challengeId)
    .where('user_id', '=', userId)
    .where('side', '=', side)
    .where('version', '=', CONFIDENTIALITY[side].version)
    .executeTakeFirst();
  return !!row;
}

/** The live sign-up for which this account stands on the taker's side of the need (404 when none). */
export async function takerSignup(db: DbOrTrx, actor: Actor, challengeId: number): Promise<LoadedSignup> {
  const id = await liveParticipation(db, challengeId, actor.id, actor.unitId);
  if (id === null) throw new AppError('NOT_FOUND');
  const loaded = await loadSignup(db, actor, id);
  if (!can(actor, 'signup', 'accept_confidentiality', loaded.res)) throw new AppError('NOT_FOUND');
  return loaded;
}

/**
 * Files the acceptance: the side's text, its hash, version, time, account and IP. The taker's side must
 * have a live sign-up for the need (a confirmed member accepts for themself); the poster's side must be the
 * poster. Accepting again is a no-op.
 */
export async function acceptConfidentiality(
  ctx: CommandCtx,
  challengeId: number,
  side: ConfidentialitySide,
  version: string,
): Promise<Acceptance> {
  const actor = needActor(ctx);
  let signupId: number | null = null;
  let challenge: ChallengeRecord;
  if (side === 'taker') {
    const loaded = await takerSignup(ctx.trx, actor, challengeId);
    signupId = loaded.signup.id;
    challenge = loaded.challenge;
  } else {
    challenge = (await loadChallenge(ctx.trx, actor, challengeId)).record;
    authorize(actor, 'challenge', 'accept_confidentiality', policyRes(challenge));
  }
  const letter = CONFIDENTIALITY[side];
  if (version !== letter.version)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'version', key: 'confidentiality_version' }]);
  const sha256 = createHash('sha256').update(confidentialityCanonical(letter)).digest('hex');
  const existing = await ctx.trx
    .selectFrom('confidentiality_acceptances')
    .select(['accepted_at', 'ip'])
    .where('challenge_id', '=', challengeId)
    .where('user_id', '=', actor.id)
    .where('side', '=', side)
    .where('version', '=', letter.version)
    .executeTakeFirst();
  const base = { side, version: letter.version, title: letter.title, sha256, userId: actor.id };
  if (existing) return { ...base, acceptedAt: existing.accepted_at, ip: existing.ip };
  const acceptedAt = nowIso();
  const inserted = await ctx.trx
    .insertInto('confidentiality_acceptances')
    .values({
      challenge_id: challengeId,
      user_id: actor.id,
      side,
      signup_id: signupId,
      version: letter.version,
      title: letter.title,
      text: letter.text,
      text_sha256: sha256,
      accepted_at: acceptedAt,
      ip: ctx.ip,
      user_agent: ctx.userAgent.slice(0, 300),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Filed as a signed document after commit (it renders and seals a PDF).
  await enqueue(ctx.trx, 'confidentiality', { acceptanceId: inserted.id });
  const acceptance: Acceptance = { ...base, acceptedAt, ip: ctx.ip };
  await writeAudit(ctx, {
    action: 'confidentiality.accepted',
    entityType: 'challenge',
    entityId: challengeId,
    regionId: challenge.regionId,
    after: { ...acceptance, signupId },
  });
  return acceptance;
}

/**
 * What a taker may read of a need once the gate is passed: the confidential part. A taker who has not
 * accepted gets 403 CONFIDENTIALITY_REQUIRED (and nothing of the part); whoever is not on a live taker's side
 * gets 404. With `fileId`, the confidential attachment instead (404 when it is not one of the need's).
 */
export async function openConfidential(
  ctx: CommandCtx,
  challengeId: number,
  fileId: number | null,
): Promise<{ challenge: ChallengeRecord; fileId: number | null }> {
  const actor = needActor(ctx);
  const { challenge } = await takerSignup(ctx.trx, actor, challengeId);
  if (!(await hasAccepted(ctx.trx, challengeId, actor.id, 'taker')))
    throw new AppError('CONFIDENTIALITY_REQUIRED');
  if (fileId !== null && !challenge.confidential.attachmentIds.includes(fileId))
    throw new AppError('NOT_FOUND');
  await logAccess(ctx.trx, actor, ctx.ip, {
    challengeId,
    subjectType: 'challenge',
    subjectId: challengeId,
    what: fileId === null ? 'confidential_part' : 'file',
    fileId,
  });
  return { challenge, fileId };
}

export async function presentConfidential(db: DbOrTrx, c: ChallengeRecord) {
  return {
    id: c.id,
    title: c.title,
    confidential: c.confidential,
    attachments: await presentFiles(db, c.confidential.attachmentIds),
  };
}

/** The access log of one subject, newest first (for its owner and the municipal office). */
export async function listAccess(db: DbOrTrx, subjectType: 'challenge' | 'solution', subjectId: number) {
  const rows = await db
    .selectFrom('confidential_access')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    what: r.what,
    fileId: r.file_id,
    userId: r.user_id,
    userName: r.user_name,
    userRole: r.user_role,
    ip: r.ip,
    at: r.at,
  }));
}
