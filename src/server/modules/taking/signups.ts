import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso, type Trx } from '../../db/index.js';
import { authorize, authorizeType, type Actor } from '../../policy/index.js';
import { todayInChina } from '../../../shared/roles.js';
import {
  EntityCommitments,
  entityIneligibility,
  individualIneligibility,
  TAKER_KINDS,
  TAKER_KINDS_BY_CHALLENGE,
  teamLeaderIneligibility,
  type TakingReason,
} from '../../../shared/taking/eligibility.js';
import { loadChallenge, posterUserIds, type ChallengeRecord } from '../challenges/load.js';
import { liveParticipation, loadSignup, personFacts } from './load.js';
import { MEMBER_WORKFLOW, SIGNUP_WORKFLOW, type MemberAction, type SignupAction } from './workflow.js';
import { markSuggestionsSignedUp } from '../organiser/signed-up.js';

export const SignupBody = z.object({
  takerKind: z.enum(TAKER_KINDS),
  teamName: z.string().trim().max(100).default(''),
  /** A unit's commitments (资金、场地、市场); ignored for people. */
  commitments: EntityCommitments.optional(),
});
export type SignupInput = z.infer<typeof SignupBody>;

export function needActor(ctx: CommandCtx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** The refusal of an eligibility rule, naming it (field message `taking.<rule>`). */
export function notEligible(path: string, reason: TakingReason): AppError {
  return new AppError('TAKER_NOT_ELIGIBLE', {}, [{ path, key: `taking.${reason}` }]);
}

/** Sign-ups and solutions are taken while the need is in the hall, open, and its deadline not passed. */
export function assertOpen(c: ChallengeRecord): void {
  if (c.state !== 'published' || c.matchedAt) throw new AppError('NOT_OPEN_FOR_TAKING');
  if (c.deadline < todayInChina()) throw new AppError('DEADLINE_PASSED', { deadline: c.deadline });
}

const isPosterSide = (a: Actor, c: ChallengeRecord): boolean =>
  a.id === c.posterUserId || (c.unitId !== null && a.unitId === c.unitId);

async function eligibility(trx: Trx, actor: Actor, c: ChallengeRecord, input: SignupInput): Promise<void> {
  if (!TAKER_KINDS_BY_CHALLENGE[c.kind].includes(input.takerKind)) {
    const rule: TakingReason = c.kind === 'tech' ? 'person_takes_tech' : 'unit_takes_transfer';
    throw notEligible('takerKind', rule);
  }
  if (input.takerKind === 'unit') {
    if (actor.role !== 'unit' || actor.unitId === null) throw notEligible('takerKind', 'unit_takes_transfer');
    const unit = await trx
      .selectFrom('units')
      .select('registration_date')
      .where('id', '=', actor.unitId)
      .executeTakeFirstOrThrow();
    const reason = entityIneligibility(unit.registration_date, todayInChina(), input.commitments ?? null);
    if (reason) throw notEligible(reason.startsWith('commitment') ? 'commitments' : 'unit', reason);
    return;
  }
  if (actor.role !== 'individual') throw notEligible('takerKind', 'person_takes_tech');
  const facts = (await personFacts(trx, [actor.id])).get(actor.id) ?? null;
  const reason =
    input.takerKind === 'individual' ? individualIneligibility(facts) : teamLeaderIneligibility(facts);
  if (reason) throw notEligible('taker', reason);
}

/**
 * 揭榜报名: the need must be open; the poster's side cannot take its own need; one live sign-up per person
 * and per unit; the eligibility rule of the kind is checked (refusals name it); the need's sign-up counter
 * moves by compare-and-set on its state, so a need closed meanwhile takes no sign-up.
 */
export async function signUp(ctx: CommandCtx, challengeId: number, input: SignupInput): Promise<number> {
  const actor = needActor(ctx);
  authorizeType(actor, 'signup', 'create');
  const { record: c } = await loadChallenge(ctx.trx, actor, challengeId);
  if (isPosterSide(actor, c)) throw new AppError('FORBIDDEN');
  assertOpen(c);
  await eligibility(ctx.trx, actor, c, input);
  const unitId = input.takerKind === 'unit' ? actor.unitId : null;
  const existing = await liveParticipation(ctx.trx, c.id, actor.id, unitId);
  if (existing !== null) throw new AppError('ALREADY_SIGNED_UP', { id: existing });

  const now = nowIso();
  const bumped = await ctx.trx
    .updateTable('challenges')
    .set((eb) => ({ signups: eb('signups', '+', 1) }))
    .where('id', '=', c.id)
    .where('state', '=', 'published')
    .where('matched_at', 'is', null)
    .where('deadline', '>=', todayInChina())
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: c.state });
  const row = await ctx.trx
    .insertInto('signups')
    .values({
      challenge_id: c.id,
      taker_kind: input.takerKind,
      leader_user_id: actor.id,
      unit_id: unitId,
      region_id: c.regionId,
      team_name: input.takerKind === 'team' ? input.teamName : '',
      commitments_json: input.takerKind === 'unit' ? JSON.stringify(input.commitments) : null,
      state: 'active',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx
    .insertInto('signup_members')
    .values({
      signup_id: row.id,
      user_id: actor.id,
      role: 'leader',
      state: 'confirmed',
      invited_at: now,
      responded_at: now,
    })
    .execute();
  await writeAudit(ctx, {
    action: 'signup.created',
    entityType: 'signup',
    entityId: row.id,
    regionId: c.regionId,
    after: { challengeId: c.id, takerKind: input.takerKind, unitId, commitments: input.commitments ?? null },
  });
  await markSuggestionsSignedUp(ctx, c.id, actor.id, unitId);
  await enqueue(ctx.trx, 'notify', {
    userIds: await posterUserIds(ctx.trx, c),
    title: `您的张榜需求「${c.title}」有新的揭榜报名`,
    body: input.takerKind === 'team' ? `团队：${input.teamName || actor.displayName}` : actor.displayName,
    link: `/console/challenges/${c.id}`,
  });
  return row.id;
}

/** The leader invites a team member by account (an individual), who then confirms or declines. */
export async function invite(ctx: CommandCtx, signupId: number, username: string): Promise<void> {
  const actor = needActor(ctx);
  const { signup, challenge, res } = await loadSignup(ctx.trx, actor, signupId);
  authorize(actor, 'signup', 'invite', res);
  assertOpen(challenge);
  const submitted = await ctx.trx
    .selectFrom('solutions')
    .select('id')
    .where('signup_id', '=', signupId)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  if (submitted) throw new AppError('STATE_CONFLICT', { state: 'submitted' });
  const user = await ctx.trx
    .selectFrom('users')
    .select(['id', 'role'])
    .where('username', '=', username)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!user) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'username', key: 'unknown_account' }]);
  if (user.role !== 'individual')
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'username', key: 'member_not_individual' }]);
  const busy =
    signup.members.some((m) => m.userId === user.id) ||
    (await liveParticipation(ctx.trx, challenge.id, user.id, null)) !== null ||
    user.id === challenge.posterUserId;
  if (busy) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'username', key: 'member_already_taking' }]);
  const now = nowIso();
  await ctx.trx
    .insertInto('signup_members')
    .values({ signup_id: signupId, user_id: user.id, role: 'member', state: 'invited', invited_at: now })
    .execute();
  await writeAudit(ctx, {
    action: 'signup.member_invited',
    entityType: 'signup',
    entityId: signupId,
    regionId: challenge.regionId,
    after: { userId: user.id },
  });
  await enqueue(ctx.trx, 'notify', {
    userIds: [user.id],
    title: `${actor.displayName} 邀请您加入揭榜团队「${signup.teamName || '未命名团队'}」`,
    body: `需求：${challenge.title}。请确认或拒绝。`,
    link: `/console/signups/${signupId}`,
  });
}

/** The invited person answers; compare-and-set on the invitation's state. */
export async function respond(ctx: CommandCtx, signupId: number, action: MemberAction): Promise<void> {
  const actor = needActor(ctx);
  const { signup, challenge, res } = await loadSignup(ctx.trx, actor, signupId);
  authorize(actor, 'signup', 'respond', res);
  const t = findTransition(MEMBER_WORKFLOW, 'invited', action)!;
  const now = nowIso();
  const done = await ctx.trx
    .updateTable('signup_members')
    .set({ state: t.to, responded_at: now })
    .where('signup_id', '=', signupId)
    .where('user_id', '=', actor.id)
    .where('state', '=', 'invited')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: 'answered' });
  await writeAudit(ctx, {
    action: `signup.member_${t.to}`,
    entityType: 'signup',
    entityId: signupId,
    regionId: challenge.regionId,
    before: { userId: actor.id, state: 'invited' },
    after: { userId: actor.id, state: t.to },
  });
  await enqueue(ctx.trx, 'notify', {
    userIds: [signup.leaderUserId],
    title: `${actor.displayName} ${t.to === 'confirmed' ? '已加入' : '谢绝加入'}您的揭榜团队`,
    body: `需求：${challenge.title}`,
    link: `/console/signups/${signupId}`,
  });
}

/** Withdraws a sign-up (and its live solution); the need's counter moves back. */
export async function signupTransition(
  ctx: CommandCtx,
  signupId: number,
  action: SignupAction,
): Promise<void> {
  const actor = needActor(ctx);
  const { signup, challenge, res } = await loadSignup(ctx.trx, actor, signupId);
  authorize(actor, 'signup', action, res);
  const t = findTransition(SIGNUP_WORKFLOW, signup.state, action);
  if (!t) throw new AppError('STATE_CONFLICT', { state: signup.state });
  // A match proposed or agreed on binds the sign-up: it is not withdrawn from under the other side.
  const agreed = await ctx.trx
    .selectFrom('solutions')
    .select('decision')
    .where('signup_id', '=', signupId)
    .where('decision', 'in', ['proposed', 'matched'])
    .executeTakeFirst();
  if (agreed) throw new AppError('STATE_CONFLICT', { state: agreed.decision });
  const now = nowIso();
  const done = await ctx.trx
    .updateTable('signups')
    .set({ state: t.to, updated_at: now, withdrawn_at: now })
    .where('id', '=', signupId)
    .where('state', '=', signup.state)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: signup.state });
  await ctx.trx
    .updateTable('solutions')
    .set({ state: 'withdrawn', withdrawn_at: now, updated_at: now })
    .where('signup_id', '=', signupId)
    .where('state', '<>', 'withdrawn')
    .execute();
  await ctx.trx
    .updateTable('challenges')
    .set((eb) => ({ signups: eb('signups', '-', 1) }))
    .where('id', '=', challenge.id)
    .where('signups', '>', 0)
    .execute();
  await writeAudit(ctx, {
    action: `signup.${action}`,
    entityType: 'signup',
    entityId: signupId,
    regionId: challenge.regionId,
    before: { state: signup.state },
    after: { state: t.to },
  });
  await enqueue(ctx.trx, 'notify', {
    userIds: await posterUserIds(ctx.trx, challenge),
    title: `需求「${challenge.title}」的一个揭榜报名已撤回`,
    body: '',
    link: `/console/challenges/${challenge.id}`,
  });
}
