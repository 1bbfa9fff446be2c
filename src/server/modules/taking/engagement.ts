import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso, type DbOrTrx, type Trx } from '../../db/index.js';
import { authorize, can, type Actor } from '../../policy/index.js';
import { posterUserIds } from '../challenges/load.js';
import { loadSolution, type LoadedSolution } from './load.js';
import { openProject } from '../followup/projects.js';
import { needActor } from './signups.js';
import { assertOwnFiles } from './solutions.js';
import { presentFiles } from '../files/commands.js';
import { ENGAGEMENT_SIDE, ENGAGEMENT_WORKFLOW, type EngagementAction } from './workflow.js';

/*
 * 对接 (seed 002 §三(三)): "张榜方及时登录平台，查阅揭榜信息，与揭榜方交流对接，双方对是否同意揭榜方案予以确定".
 * A thread per submitted solution, and the decision: a match needs both sides — the poster proposes, the
 * taker confirms — and only then is the need marked matched (challenges.matched_at, once per need).
 */

type Side = 'poster' | 'taker' | 'office';

function sideOf(actor: Actor, l: LoadedSolution): Side {
  const r = l.solutionRes;
  if (actor.id === r.posterUserId || (r.posterUnitId !== null && actor.unitId === r.posterUnitId))
    return 'poster';
  return actor.role === 'municipal_officer' ? 'office' : 'taker';
}

/** Everyone on the taker's side: the leader, the confirmed members, the taking unit's accounts. */
async function takerUserIds(db: DbOrTrx, l: LoadedSolution): Promise<number[]> {
  const ids = new Set(l.solutionRes.memberUserIds);
  ids.add(l.signup.leaderUserId);
  if (l.solutionRes.takerUnitId !== null) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('unit_id', '=', l.solutionRes.takerUnitId)
      .where('status', '=', 'active')
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

async function notifyOthers(trx: Trx, l: LoadedSolution, actor: Actor, title: string, body: string) {
  const all = [...(await posterUserIds(trx, l.challenge)), ...(await takerUserIds(trx, l))];
  const userIds = [...new Set(all)].filter((id) => id !== actor.id);
  if (userIds.length === 0) return;
  await enqueue(trx, 'notify', { userIds, title, body, link: `/console/solutions/${l.solution.id}` });
}

/** The thread, oldest first, for whoever may take part in it (404 for anyone else). */
export async function listMessages(db: DbOrTrx, actor: Actor, solutionId: number) {
  const l = await loadSolution(db, actor, solutionId);
  authorize(actor, 'solution', 'message', l.solutionRes);
  const rows = await db
    .selectFrom('solution_messages')
    .selectAll()
    .where('solution_id', '=', solutionId)
    .orderBy('id')
    .execute();
  const files = await presentFiles(
    db,
    rows.flatMap((r) => JSON.parse(r.attachment_ids_json) as number[]),
  );
  return rows.map((r) => {
    const ids = JSON.parse(r.attachment_ids_json) as number[];
    return {
      id: r.id,
      authorUserId: r.author_user_id,
      authorName: r.author_name,
      authorSide: r.author_side,
      body: r.body,
      createdAt: r.created_at,
      attachments: files.filter((f) => ids.includes(f.id)),
    };
  });
}

/** A file attached to a message of the thread (for whoever may read the thread), else 404. */
export async function threadFile(db: DbOrTrx, actor: Actor, solutionId: number, fileId: number) {
  const l = await loadSolution(db, actor, solutionId);
  authorize(actor, 'solution', 'message', l.solutionRes);
  const rows = await db
    .selectFrom('solution_messages')
    .select('attachment_ids_json')
    .where('solution_id', '=', solutionId)
    .execute();
  if (!rows.some((r) => (JSON.parse(r.attachment_ids_json) as number[]).includes(fileId)))
    throw new AppError('NOT_FOUND');
  return l;
}

export async function postMessage(
  ctx: CommandCtx,
  solutionId: number,
  body: string,
  attachmentIds: number[] = [],
): Promise<number> {
  const actor = needActor(ctx);
  const l = await loadSolution(ctx.trx, actor, solutionId);
  authorize(actor, 'solution', 'message', l.solutionRes);
  await assertOwnFiles(ctx.trx, actor, attachmentIds);
  const side = sideOf(actor, l);
  const row = await ctx.trx
    .insertInto('solution_messages')
    .values({
      solution_id: solutionId,
      challenge_id: l.challenge.id,
      author_user_id: actor.id,
      author_name: actor.displayName,
      author_side: side,
      body,
      created_at: nowIso(),
      attachment_ids_json: JSON.stringify([...new Set(attachmentIds)]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'solution.message_posted',
    entityType: 'solution',
    entityId: solutionId,
    regionId: l.challenge.regionId,
    after: { messageId: row.id, side, length: body.length, attachmentIds },
  });
  await notifyOthers(ctx.trx, l, actor, `需求「${l.challenge.title}」的对接有新消息`, body.slice(0, 200));
  return row.id;
}

const DECISION_TEXT: Record<EngagementAction, string> = {
  shortlist: '揭榜方案已入围',
  reject: '揭榜方案未被采纳',
  propose_match: '张榜方提议对接成功，请揭榜方确认',
  confirm_match: '双方确认，对接成功',
  decline_match: '揭榜方未确认对接，方案回到入围状态',
};

/**
 * One step of the decision, by the transition table, compare-and-set on the decision. The poster's
 * proposal records its confirmation; the taker's confirmation completes the match and marks the need
 * matched — compare-and-set on `matched_at`, so a need is matched once.
 */
export async function engage(
  ctx: CommandCtx,
  solutionId: number,
  action: EngagementAction,
  opinion: string,
): Promise<void> {
  const actor = needActor(ctx);
  const l = await loadSolution(ctx.trx, actor, solutionId);
  authorize(actor, 'solution', ENGAGEMENT_SIDE[action], l.solutionRes);
  const t = findTransition(ENGAGEMENT_WORKFLOW, l.solution.decision, action);
  if (!t) throw new AppError('STATE_CONFLICT', { state: l.solution.decision });
  const reason = opinion.trim();
  if (t.opinion === 'required' && !reason)
    throw new AppError('OPINION_REQUIRED', {}, [{ path: 'opinion', key: 'required' }]);
  const now = nowIso();
  if (t.to === 'matched') {
    const marked = await ctx.trx
      .updateTable('challenges')
      .set({ matched_at: now, updated_at: now })
      .where('id', '=', l.challenge.id)
      .where('matched_at', 'is', null)
      .where('state', 'in', ['published', 'closed'])
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: 'matched' });
  }
  const res = await ctx.trx
    .updateTable('solutions')
    .set({
      decision: t.to,
      updated_at: now,
      ...(action === 'reject' || action === 'decline_match' ? { decision_reason: reason } : {}),
      ...(action === 'propose_match' ? { poster_confirmed_at: now, decision_reason: '' } : {}),
      ...(action === 'decline_match' ? { poster_confirmed_at: null } : {}),
      ...(action === 'confirm_match' ? { taker_confirmed_at: now } : {}),
    })
    .where('id', '=', solutionId)
    .where('state', '=', 'submitted')
    .where('decision', '=', l.solution.decision)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: l.solution.decision });
  await writeAudit(ctx, {
    action: `solution.${action}`,
    entityType: 'solution',
    entityId: solutionId,
    regionId: l.challenge.regionId,
    before: { decision: l.solution.decision },
    after: { decision: t.to, reason },
  });
  if (t.to === 'matched')
    await writeAudit(ctx, {
      action: 'challenge.matched',
      entityType: 'challenge',
      entityId: l.challenge.id,
      regionId: l.challenge.regionId,
      after: { solutionId, signupId: l.signup.id, matchedAt: now },
    });
  // 项目跟踪: the match becomes a followed project, in the same transaction.
  if (t.to === 'matched') {
    await openProject(ctx, solutionId);
    // 合作协议 for signing, made after commit (it renders a PDF).
    await enqueue(ctx.trx, 'cooperation', { solutionId });
  }
  await notifyOthers(
    ctx.trx,
    l,
    actor,
    `需求「${l.challenge.title}」：${DECISION_TEXT[action]}`,
    reason ? `理由：${reason}` : '',
  );
}

/** The engagement actions this caller may take now. */
export function engagementActions(actor: Actor | null, l: LoadedSolution): EngagementAction[] {
  if (!actor) return [];
  return ENGAGEMENT_WORKFLOW.filter(
    (t) =>
      t.from.includes(l.solution.decision) &&
      can(actor, 'solution', ENGAGEMENT_SIDE[t.action], l.solutionRes) &&
      (t.to !== 'matched' || l.challenge.matchedAt === null),
  ).map((t) => t.action);
}
