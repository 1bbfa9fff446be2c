import { createHash } from 'node:crypto';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso, type Trx } from '../../db/index.js';
import { authorize, type Actor } from '../../policy/index.js';
import { teamIneligibility, individualIneligibility } from '../../../shared/taking/eligibility.js';
import type { SolutionInputData } from '../../../shared/taking/solution.js';
import { posterUserIds } from '../challenges/load.js';
import { loadSignup, loadSolution, personFacts, type LoadedSignup } from './load.js';
import { assertOpen, needActor, notEligible } from './signups.js';
import { SOLUTION_WORKFLOW, type SolutionAction } from './workflow.js';

/** Attachments must be the taker's own uploads (the account's, or its unit's). */
export async function assertOwnFiles(trx: Trx, actor: Actor, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const own = await trx
    .selectFrom('files')
    .select('id')
    .where('id', 'in', unique)
    .where((eb) =>
      actor.unitId !== null
        ? eb.or([eb('owner_user_id', '=', actor.id), eb('unit_id', '=', actor.unitId)])
        : eb('owner_user_id', '=', actor.id),
    )
    .execute();
  if (own.length !== unique.length)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'attachmentIds', key: 'unknown_file' }]);
}

/**
 * What must hold whenever a solution goes to the poster (submitted or replaced): the need still open and
 * before its deadline, and the taker still eligible — a team by the "mainly PhDs/postdocs" rule over its
 * confirmed members, with no invitation left unanswered.
 */
async function assertCanSubmit(trx: Trx, l: LoadedSignup): Promise<void> {
  assertOpen(l.challenge);
  const { signup } = l;
  if (signup.takerKind === 'unit') return; // The entity's rule was checked at sign-up and does not change.
  const pending = signup.members.filter((m) => m.state === 'invited').length;
  if (pending > 0) throw new AppError('INVITATIONS_PENDING', { count: pending });
  const confirmed = signup.members.filter((m) => m.state === 'confirmed');
  const facts = await personFacts(
    trx,
    confirmed.map((m) => m.userId),
  );
  const leader = facts.get(signup.leaderUserId) ?? null;
  const reason =
    signup.takerKind === 'individual'
      ? individualIneligibility(leader)
      : teamIneligibility(
          leader,
          confirmed.filter((m) => m.userId !== signup.leaderUserId).map((m) => facts.get(m.userId) ?? null),
        );
  if (reason) throw notEligible('team', reason);
}

/** Once the poster proposed the match (or both confirmed it), the solution is what was agreed on. */
function assertNotAgreed(decision: string): void {
  if (decision === 'proposed' || decision === 'matched')
    throw new AppError('STATE_CONFLICT', { state: decision });
}

const sha = (input: SolutionInputData): string =>
  createHash('sha256').update(JSON.stringify(input)).digest('hex');

/** A new draft solution for a live sign-up; one live solution per sign-up (SOLUTION_EXISTS otherwise). */
export async function createSolution(
  ctx: CommandCtx,
  signupId: number,
  input: SolutionInputData,
): Promise<number> {
  const actor = needActor(ctx);
  const l = await loadSignup(ctx.trx, actor, signupId);
  authorize(actor, 'signup', 'create_solution', l.res);
  assertOpen(l.challenge);
  const live = await ctx.trx
    .selectFrom('solutions')
    .select('id')
    .where('signup_id', '=', signupId)
    .where('state', '<>', 'withdrawn')
    .executeTakeFirst();
  if (live) throw new AppError('SOLUTION_EXISTS', { id: live.id });
  await assertOwnFiles(ctx.trx, actor, input.attachmentIds);
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('solutions')
    .values({
      signup_id: signupId,
      challenge_id: l.challenge.id,
      state: 'draft',
      content_json: JSON.stringify(input),
      revision: 1,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'solution.created',
    entityType: 'solution',
    entityId: row.id,
    regionId: l.challenge.regionId,
    after: { signupId, sha256: sha(input) },
  });
  return row.id;
}

/**
 * Saves a draft, or replaces a submitted solution (until the deadline, by the same rules as submitting);
 * compare-and-set on the revision the client last saw, so a stale save is a conflict, never an overwrite.
 */
export async function saveSolution(
  ctx: CommandCtx,
  id: number,
  input: SolutionInputData,
  revision: number,
): Promise<number> {
  const actor = needActor(ctx);
  const l = await loadSolution(ctx.trx, actor, id);
  authorize(actor, 'solution', 'edit', l.solutionRes);
  assertNotAgreed(l.solution.decision);
  const replacing = l.solution.state === 'submitted';
  if (replacing) await assertCanSubmit(ctx.trx, l);
  else assertOpen(l.challenge);
  await assertOwnFiles(ctx.trx, actor, input.attachmentIds);
  const res = await ctx.trx
    .updateTable('solutions')
    .set({ content_json: JSON.stringify(input), revision: revision + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('state', '=', l.solution.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  await writeAudit(ctx, {
    action: replacing ? 'solution.replaced' : 'solution.saved',
    entityType: 'solution',
    entityId: id,
    regionId: l.challenge.regionId,
    before: { revision, sha256: sha(l.solution.content) },
    after: { revision: revision + 1, sha256: sha(input) },
  });
  if (replacing)
    await enqueue(ctx.trx, 'notify', {
      userIds: await posterUserIds(ctx.trx, l.challenge),
      title: `需求「${l.challenge.title}」的一份揭榜方案已更新`,
      body: `方案编号 ${id}`,
      link: `/console/challenges/${l.challenge.id}`,
    });
  return revision + 1;
}

/** Submit or withdraw, by the transition table, compare-and-set on the state. */
export async function solutionTransition(ctx: CommandCtx, id: number, action: SolutionAction): Promise<void> {
  const actor = needActor(ctx);
  const l = await loadSolution(ctx.trx, actor, id);
  authorize(actor, 'solution', 'edit', l.solutionRes);
  const t = findTransition(SOLUTION_WORKFLOW, l.solution.state, action);
  if (!t) throw new AppError('STATE_CONFLICT', { state: l.solution.state });
  assertNotAgreed(l.solution.decision);
  if (action === 'submit') await assertCanSubmit(ctx.trx, l);
  const now = nowIso();
  const res = await ctx.trx
    .updateTable('solutions')
    .set({
      state: t.to,
      updated_at: now,
      ...(action === 'submit' ? { submitted_at: now } : { withdrawn_at: now }),
    })
    .where('id', '=', id)
    .where('state', '=', l.solution.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: l.solution.state });
  await writeAudit(ctx, {
    action: `solution.${action}`,
    entityType: 'solution',
    entityId: id,
    regionId: l.challenge.regionId,
    before: { state: l.solution.state },
    after: { state: t.to, revision: l.solution.revision, sha256: sha(l.solution.content) },
  });
  const wasVisible = l.solution.state === 'submitted' || t.to === 'submitted';
  if (wasVisible)
    await enqueue(ctx.trx, 'notify', {
      userIds: await posterUserIds(ctx.trx, l.challenge),
      title: `需求「${l.challenge.title}」${action === 'submit' ? '收到一份揭榜方案' : '的一份揭榜方案已撤回'}`,
      body: `方案编号 ${id}`,
      link: `/console/challenges/${l.challenge.id}`,
    });
}
