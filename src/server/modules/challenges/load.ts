import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import type { ChallengeTable } from '../../db/schema.js';
import { can, type MaybeActor, type ResourceMap } from '../../policy/index.js';
import type { ConfidentialData, PublicPart } from '../../../shared/challenges/form.js';
import type { ChallengeState } from './workflow.js';
import type { Selectable } from 'kysely';

export interface Commitment {
  version: string;
  title: string;
  sha256: string;
  acceptedAt: string;
  userId: number;
  username: string;
  ip: string;
}

export interface ChallengeRecord {
  id: number;
  kind: 'tech' | 'transfer';
  state: ChallengeState;
  posterUserId: number;
  unitId: number | null;
  regionId: number;
  title: string;
  deadline: string;
  budgetWan: number;
  publicPart: PublicPart;
  confidential: ConfidentialData;
  commitment: Commitment | null;
  revision: number;
  reachedNational: boolean;
  lastOpinion: string;
  views: number;
  signups: number;
  matchedAt: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  closedAt: string | null;
}

export function toRecord(r: Selectable<ChallengeTable>): ChallengeRecord {
  return {
    id: r.id,
    kind: r.kind as 'tech' | 'transfer',
    state: r.state as ChallengeState,
    posterUserId: r.poster_user_id,
    unitId: r.unit_id,
    regionId: r.region_id,
    title: r.title,
    deadline: r.deadline,
    budgetWan: r.budget_wan,
    publicPart: JSON.parse(r.public_json) as PublicPart,
    confidential: JSON.parse(r.confidential_json) as ConfidentialData,
    commitment: r.commitment_json ? (JSON.parse(r.commitment_json) as Commitment) : null,
    revision: r.revision,
    reachedNational: r.reached_national === 1,
    lastOpinion: r.last_opinion,
    views: r.views,
    signups: r.signups,
    matchedAt: r.matched_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    publishedAt: r.published_at,
    closedAt: r.closed_at,
  };
}

export const policyRes = (c: ChallengeRecord): ResourceMap['challenge'] => ({
  id: c.id,
  posterUserId: c.posterUserId,
  unitId: c.unitId,
  state: c.state,
  reachedNational: c.reachedNational,
});

/** Anyone sees a published or closed posting's public part. */
export const isPublic = (c: ChallengeRecord): boolean => c.state === 'published' || c.state === 'closed';

/**
 * Loads a posting the actor may see: in full when the policy says `view`, its public part when it is in
 * the hall; otherwise 404, as if it did not exist.
 */
export async function loadChallenge(
  db: DbOrTrx,
  actor: MaybeActor,
  id: number,
): Promise<{ record: ChallengeRecord; insider: boolean }> {
  const row = await db.selectFrom('challenges').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const record = toRecord(row);
  const insider = can(actor, 'challenge', 'view', policyRes(record));
  if (!insider && !isPublic(record)) throw new AppError('NOT_FOUND');
  return { record, insider };
}

/** Per-deployment settings of the posting review (configurable per city). */
export const ChallengeSettingsSchema = z.object({
  /** The second, national review level (部级审核); a city may switch it off. */
  nationalReview: z.boolean(),
});
export type ChallengeSettings = z.infer<typeof ChallengeSettingsSchema>;
const KEY = 'challenges';

export async function getChallengeSettings(db: DbOrTrx): Promise<ChallengeSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = ChallengeSettingsSchema.safeParse(row ? JSON.parse(row.value) : {});
  return parsed.success ? parsed.data : { nationalReview: true };
}

export async function updateChallengeSettings(
  ctx: CommandCtx,
  next: ChallengeSettings,
): Promise<ChallengeSettings> {
  const before = await getChallengeSettings(ctx.trx);
  const now = nowIso();
  const value = JSON.stringify(next);
  const by = ctx.actor?.id ?? null;
  await ctx.trx
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now, updated_by: by }))
    .execute();
  await writeAudit(ctx, {
    action: 'settings.challenges_updated',
    entityType: 'settings',
    entityId: KEY,
    before,
    after: next,
  });
  return next;
}

/** Active accounts of a role (reviewers to notify). */
export async function roleUserIds(
  db: DbOrTrx,
  role: 'municipal_officer' | 'national_reviewer',
): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', role)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** The poster's side: the posting account, and every active account of the posting unit. */
export async function posterUserIds(db: DbOrTrx, c: ChallengeRecord): Promise<number[]> {
  let q = db.selectFrom('users').select('id').where('status', '=', 'active');
  q =
    c.unitId !== null
      ? q.where((eb) => eb.or([eb('id', '=', c.posterUserId), eb('unit_id', '=', c.unitId)]))
      : q.where('id', '=', c.posterUserId);
  return (await q.execute()).map((r) => r.id);
}
