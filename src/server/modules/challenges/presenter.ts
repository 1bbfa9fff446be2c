import type { DbOrTrx } from '../../db/index.js';
import { availableTransitions } from '../../core/workflow.js';
import { can, type MaybeActor } from '../../policy/index.js';
import { COMMITMENTS } from '../../../shared/challenges/commitment.js';
import { todayInChina } from '../../../shared/roles.js';
import { presentFiles } from '../files/commands.js';
import { policyRes, type ChallengeRecord } from './load.js';
import { challengeWorkflow } from './workflow.js';

/** The hall's status: open (taking solutions), closed (deadline passed or closed), matched. */
export type HallStatus = 'open' | 'closed' | 'matched' | null;

export function hallStatus(
  c: Pick<ChallengeRecord, 'state' | 'deadline' | 'matchedAt'>,
  today = todayInChina(),
): HallStatus {
  if (c.state !== 'published' && c.state !== 'closed') return null;
  if (c.matchedAt) return 'matched';
  return c.state === 'closed' || c.deadline < today ? 'closed' : 'open';
}

export function challengeActions(actor: MaybeActor, c: ChallengeRecord, nationalReview: boolean): string[] {
  const isOwner =
    !!actor && (actor.id === c.posterUserId || (c.unitId !== null && actor.unitId === c.unitId));
  const actions: string[] = can(actor, 'challenge', 'view', policyRes(c))
    ? availableTransitions(challengeWorkflow(nationalReview), c.state, actor, { isOwner, inRegion: false })
    : [];
  if (can(actor, 'challenge', 'edit', policyRes(c))) actions.unshift('edit', 'accept_commitment');
  return actions;
}

/** The public part: what anyone may see of a posting in the hall. */
export async function presentPublic(db: DbOrTrx, c: ChallengeRecord) {
  const region = await db
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('id', '=', c.regionId)
    .executeTakeFirst();
  const unit =
    c.unitId !== null
      ? await db.selectFrom('units').select('name').where('id', '=', c.unitId).executeTakeFirst()
      : undefined;
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    status: hallStatus(c),
    title: c.title,
    domain: c.publicPart.domain,
    region: region ?? null,
    /** The posting unit's name for a technical challenge; a person's name is not public. */
    posterName: unit?.name ?? null,
    deadline: c.deadline,
    budgetWan: c.budgetWan,
    public: c.publicPart,
    /** Public attachments, downloaded through /api/challenges/:id/files/:fileId. */
    publicAttachments: await presentFiles(db, c.publicPart.attachmentIds ?? []),
    publishedAt: c.publishedAt,
    closedAt: c.closedAt,
    views: c.views,
    signups: c.signups,
  };
}

/**
 * The posting as this caller may see it: the public part for everyone; the confidential part, the filed
 * commitment, the timeline and the review opinions only for those the policy entitles (`view_confidential`).
 */
export async function presentChallenge(
  db: DbOrTrx,
  actor: MaybeActor,
  c: ChallengeRecord,
  nationalReview: boolean,
) {
  const base = await presentPublic(db, c);
  if (!can(actor, 'challenge', 'view_confidential', policyRes(c))) {
    return { ...base, actions: [] as string[] };
  }
  const events = await db
    .selectFrom('challenge_events')
    .selectAll()
    .where('challenge_id', '=', c.id)
    .orderBy('id')
    .execute();
  return {
    ...base,
    confidential: c.confidential,
    attachments: await presentFiles(db, c.confidential.attachmentIds),
    commitment: c.commitment,
    commitmentCurrent: COMMITMENTS[c.kind].version,
    revision: c.revision,
    lastOpinion: c.lastOpinion,
    reachedNational: c.reachedNational,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    submittedAt: c.submittedAt,
    timeline: events.map((e) => ({
      id: e.id,
      action: e.action,
      from: e.from_state,
      to: e.to_state,
      actorName: e.actor_name,
      actorRole: e.actor_role,
      opinion: e.opinion,
      at: e.at,
    })),
    actions: challengeActions(actor, c, nationalReview),
  };
}
