import { createHash } from 'node:crypto';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition, inScope } from '../../core/workflow.js';
import { nowIso, type Trx } from '../../db/index.js';
import { authorize, authorizeType, type Actor } from '../../policy/index.js';
import { COMMITMENTS } from '../../../shared/challenges/commitment.js';
import {
  INELIGIBILITY_TEXT,
  posterIneligibility,
  publicBody,
  publicPart,
  type ChallengeInputData,
  type ChallengeKind,
  type PosterFacts,
} from '../../../shared/challenges/form.js';
import { todayInChina } from '../../../shared/roles.js';
import {
  getChallengeSettings,
  loadChallenge,
  policyRes,
  posterUserIds,
  roleUserIds,
  type ChallengeRecord,
  type Commitment,
} from './load.js';
import { searchRepo } from './search.js';
import type { AgreementDeps } from '../agreements/commands.js';
import { fileCommitmentLetter } from '../agreements/subjects.js';
import {
  CHALLENGE_WORKFLOW,
  challengeWorkflow,
  type ChallengeAction,
  type ChallengeState,
} from './workflow.js';

function needActor(ctx: CommandCtx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

async function posterFacts(trx: Trx, actor: Actor): Promise<PosterFacts> {
  if (actor.role === 'unit' && actor.unitId !== null) {
    const u = await trx
      .selectFrom('units')
      .select('unit_type')
      .where('id', '=', actor.unitId)
      .executeTakeFirst();
    return { role: 'unit', unitType: u?.unit_type ?? null };
  }
  if (actor.role === 'individual') {
    const p = await trx
      .selectFrom('person_profiles')
      .select('postdoc_status')
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    return { role: 'individual', postdocStatus: p?.postdoc_status ?? null };
  }
  return { role: 'other' };
}

async function assertEligible(trx: Trx, actor: Actor, kind: ChallengeKind): Promise<void> {
  const reason = posterIneligibility(kind, await posterFacts(trx, actor));
  if (reason)
    throw new AppError('POSTER_NOT_ELIGIBLE', { reason: INELIGIBILITY_TEXT[reason]?.['zh-CN'] ?? reason });
}

/** The district must exist; attachments must be the poster's (or the poster's unit's) own uploads. */
async function assertReferences(trx: Trx, actor: Actor, input: ChallengeInputData): Promise<void> {
  const region = await trx
    .selectFrom('regions')
    .select('id')
    .where('id', '=', input.regionId)
    .executeTakeFirst();
  if (!region) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'regionId', key: 'unknown_region' }]);
  await assertOwnFiles(trx, actor, input.confidential.attachmentIds, 'confidential.attachmentIds');
  await assertOwnFiles(trx, actor, input.attachmentIds ?? [], 'attachmentIds');
}

async function assertOwnFiles(trx: Trx, actor: Actor, list: number[], path: string): Promise<void> {
  const ids = [...new Set(list)];
  if (ids.length === 0) return;
  const own = await trx
    .selectFrom('files')
    .select('id')
    .where('id', 'in', ids)
    .where((eb) =>
      actor.unitId !== null
        ? eb.or([eb('owner_user_id', '=', actor.id), eb('unit_id', '=', actor.unitId)])
        : eb('owner_user_id', '=', actor.id),
    )
    .execute();
  if (own.length !== ids.length) throw new AppError('VALIDATION_FAILED', {}, [{ path, key: 'unknown_file' }]);
}

function columns(input: ChallengeInputData) {
  const { confidential } = input;
  return {
    kind: input.kind,
    domain: input.domain,
    region_id: input.regionId,
    title: input.title,
    budget_wan: input.budgetWan,
    deadline: input.deadline,
    public_json: JSON.stringify(publicPart(input)),
    confidential_json: JSON.stringify(confidential),
  };
}

/** A new draft. The full form is required (zod), the poster's eligibility is checked. */
export async function createChallenge(ctx: CommandCtx, input: ChallengeInputData): Promise<number> {
  const actor = needActor(ctx);
  authorizeType(actor, 'challenge', 'create');
  await assertEligible(ctx.trx, actor, input.kind);
  await assertReferences(ctx.trx, actor, input);
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('challenges')
    .values({
      ...columns(input),
      state: 'draft',
      revision: 1,
      reached_national: 0,
      last_opinion: '',
      views: 0,
      signups: 0,
      poster_user_id: actor.id,
      unit_id: input.kind === 'tech' ? actor.unitId : null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'challenge.created',
    entityType: 'challenge',
    entityId: row.id,
    after: { kind: input.kind },
  });
  return row.id;
}

/** Edits a draft or returned posting; compare-and-set on the revision the client last saw. */
export async function updateChallenge(
  ctx: CommandCtx,
  id: number,
  input: ChallengeInputData,
  revision: number,
): Promise<number> {
  const actor = needActor(ctx);
  const { record } = await loadChallenge(ctx.trx, actor, id);
  authorize(actor, 'challenge', 'edit', policyRes(record));
  if (input.kind !== record.kind)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'kind', key: 'kind_changed' }]);
  await assertReferences(ctx.trx, actor, input);
  const res = await ctx.trx
    .updateTable('challenges')
    .set({ ...columns(input), revision: revision + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('state', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  const sha = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  await writeAudit(ctx, {
    action: 'challenge.saved',
    entityType: 'challenge',
    entityId: id,
    before: { revision },
    after: { revision: revision + 1, sha256: sha },
  });
  return revision + 1;
}

/**
 * Files the poster's acceptance of the kind's commitment letter (text version, hash, time, account, IP).
 * With `agreements` (the HTTP route passes it), the acceptance is also filed as a sealed one-party
 * document (modules/agreements/subjects.ts), in the same transaction.
 */
export async function acceptCommitment(
  ctx: CommandCtx,
  id: number,
  version: string,
  agreements?: AgreementDeps,
): Promise<Commitment> {
  const actor = needActor(ctx);
  const { record } = await loadChallenge(ctx.trx, actor, id);
  authorize(actor, 'challenge', 'edit', policyRes(record));
  const letter = COMMITMENTS[record.kind];
  if (version !== letter.version)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'version', key: 'commitment_version' }]);
  const commitment: Commitment = {
    version: letter.version,
    title: letter.title,
    sha256: createHash('sha256').update(`${letter.version}\n${letter.title}\n${letter.text}`).digest('hex'),
    acceptedAt: nowIso(),
    userId: actor.id,
    username: actor.username,
    ip: ctx.ip,
  };
  const res = await ctx.trx
    .updateTable('challenges')
    .set({
      commitment_json: JSON.stringify({ ...commitment, text: letter.text }),
      updated_at: commitment.acceptedAt,
    })
    .where('id', '=', id)
    .where('state', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: record.state });
  await writeAudit(ctx, {
    action: 'challenge.commitment_accepted',
    entityType: 'challenge',
    entityId: id,
    after: commitment,
  });
  if (agreements)
    await fileCommitmentLetter(ctx, agreements, record, {
      version: letter.version,
      text: letter.text,
      acceptedAt: commitment.acceptedAt,
    });
  return commitment;
}

async function guard(ctx: CommandCtx, c: ChallengeRecord, action: ChallengeAction): Promise<void> {
  if (action !== 'submit') return;
  if (!c.commitment || c.commitment.version !== COMMITMENTS[c.kind].version)
    throw new AppError('COMMITMENT_REQUIRED');
  if (c.deadline < todayInChina())
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'deadline', key: 'deadline_past' }]);
  await assertEligible(ctx.trx, needActor(ctx), c.kind);
}

/**
 * Takes a workflow action. The role must appear in the table for the action (else 403); the action
 * must exist from the current state in the table in force (else 409: out of turn or at the wrong level);
 * the update is compare-and-set on the state, so of two reviewers acting at once exactly one wins.
 */
export async function transition(
  ctx: CommandCtx,
  id: number,
  action: ChallengeAction,
  input: { opinion?: string | undefined },
): Promise<ChallengeState> {
  const actor = needActor(ctx);
  const { record: c, insider } = await loadChallenge(ctx.trx, actor, id);
  if (!insider) throw new AppError('FORBIDDEN');
  const roleOk = CHALLENGE_WORKFLOW.some((x) => x.action === action && x.roles.includes(actor.role));
  if (!roleOk) throw new AppError('FORBIDDEN');
  const { nationalReview } = await getChallengeSettings(ctx.trx);
  const t = findTransition(challengeWorkflow(nationalReview), c.state, action);
  if (!t) throw new AppError('STATE_CONFLICT', { state: c.state });
  const isOwner = actor.id === c.posterUserId || (c.unitId !== null && actor.unitId === c.unitId);
  if (!inScope(t, { isOwner, inRegion: false })) throw new AppError('FORBIDDEN');
  const opinion = (input.opinion ?? '').trim();
  if (t.opinion === 'required' && !opinion)
    throw new AppError('OPINION_REQUIRED', {}, [{ path: 'opinion', key: 'required' }]);
  await guard(ctx, c, action);

  const now = nowIso();
  const res = await ctx.trx
    .updateTable('challenges')
    .set({
      state: t.to,
      updated_at: now,
      last_opinion: opinion,
      ...(action === 'submit' ? { submitted_at: now } : {}),
      ...(t.to === 'national_review' ? { reached_national: 1 } : {}),
      ...(t.to === 'published' ? { published_at: now } : {}),
      ...(t.to === 'closed' ? { closed_at: now } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', c.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const cur = await ctx.trx
      .selectFrom('challenges')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirst();
    throw new AppError('STATE_CONFLICT', { state: cur?.state ?? '?' });
  }
  await ctx.trx
    .insertInto('challenge_events')
    .values({
      challenge_id: id,
      action,
      from_state: c.state,
      to_state: t.to,
      actor_id: actor.id,
      actor_name: actor.displayName,
      actor_role: actor.role,
      opinion,
      at: now,
    })
    .execute();
  if (t.to === 'published')
    await searchRepo(ctx.dialect).index(ctx.trx, id, c.title, publicBody(c.publicPart));
  await writeAudit(ctx, {
    action: `challenge.${action}`,
    entityType: 'challenge',
    entityId: id,
    before: { state: c.state },
    after: { state: t.to, opinion },
  });
  await notifyStep(ctx.trx, c, action, t.to, opinion);
  return t.to;
}

const STEP_TEXT: Record<ChallengeAction, string> = {
  submit: '已提交，等待市博管办审核',
  withdraw: '已撤回',
  municipal_approve: '已通过市级审核，等待部级审核',
  municipal_publish: '已通过审核并发布',
  municipal_return: '被市博管办退回修改',
  municipal_reject: '未通过市级审核',
  national_publish: '已通过部级审核并发布',
  national_return: '被部级审核退回修改',
  national_reject: '未通过部级审核',
  close: '已关闭',
};

async function notifyStep(
  trx: Trx,
  c: ChallengeRecord,
  action: ChallengeAction,
  to: ChallengeState,
  opinion: string,
): Promise<void> {
  const reviewers =
    to === 'submitted'
      ? await roleUserIds(trx, 'municipal_officer')
      : to === 'national_review'
        ? await roleUserIds(trx, 'national_reviewer')
        : [];
  const userIds = [...new Set([...(await posterUserIds(trx, c)), ...reviewers])];
  await enqueue(trx, 'notify', {
    userIds,
    title: `张榜需求「${c.title}」${STEP_TEXT[action]}`,
    body: opinion ? `意见：${opinion}` : `当前状态：${to}`,
    link: `/console/challenges/${c.id}`,
  });
}

/** Counts a view of the public page by anyone but the poster's side (statistics of the poster console). */
export async function countView(trx: Trx, c: ChallengeRecord, actor: Actor | null): Promise<void> {
  if (actor && (actor.id === c.posterUserId || (c.unitId !== null && actor.unitId === c.unitId))) return;
  await trx
    .updateTable('challenges')
    .set((eb) => ({ views: eb('views', '+', 1) }))
    .where('id', '=', c.id)
    .execute();
}
