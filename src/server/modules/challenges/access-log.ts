import { nowIso, type DbOrTrx } from '../../db/index.js';
import { can, type Actor, type MaybeActor } from '../../policy/index.js';
import { policyRes, type ChallengeRecord } from './load.js';

/*
 * The confidential-access log (issue #6: "every view and download of confidential material is logged and
 * listed to the owner"): takers reading a need's confidential part, posters opening a solution's
 * attachments, and the offices and reviewers reading a posting's confidential part or attachments.
 */
export interface AccessEntry {
  challengeId: number;
  subjectType: 'challenge' | 'solution';
  subjectId: number;
  what: 'confidential_part' | 'file';
  fileId: number | null;
}

/** Appends one line to the confidential-access log (in the caller's transaction, or on its own). */
export async function logAccess(db: DbOrTrx, actor: Actor, ip: string, e: AccessEntry): Promise<void> {
  await db
    .insertInto('confidential_access')
    .values({
      challenge_id: e.challengeId,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      what: e.what,
      file_id: e.fileId,
      user_id: actor.id,
      user_name: actor.displayName,
      user_role: actor.role,
      ip,
      at: nowIso(),
    })
    .execute();
}

/** The posting's own side (the posting account, or an account of its unit): its reads are not logged. */
export function isPosterSide(actor: Actor, c: ChallengeRecord): boolean {
  return actor.id === c.posterUserId || (c.unitId !== null && actor.unitId === c.unitId);
}

/**
 * Logs a read of a posting's confidential part or attachment by someone outside the poster's side who is
 * entitled to it (an office or a reviewer); everyone else is refused before this point.
 */
export async function logStaffRead(
  db: DbOrTrx,
  actor: MaybeActor,
  ip: string,
  c: ChallengeRecord,
  fileId: number | null,
): Promise<void> {
  if (!actor || isPosterSide(actor, c)) return;
  if (!can(actor, 'challenge', 'view_confidential', policyRes(c))) return;
  await logAccess(db, actor, ip, {
    challengeId: c.id,
    subjectType: 'challenge',
    subjectId: c.id,
    what: fileId === null ? 'confidential_part' : 'file',
    fileId,
  });
}
