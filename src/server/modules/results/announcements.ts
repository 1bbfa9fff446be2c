import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { enqueue } from '../../core/outbox.js';
import { findTransition } from '../../core/workflow.js';
import { nowIso, type Trx } from '../../db/index.js';
import { authorize, authorizeType, type Actor } from '../../policy/index.js';
import type { AnnouncementData, AnnouncementState } from '../../../shared/results/rules.js';
import { factsOf, matchPartyUserIds, regionKey } from './matches.js';
import { loadAnnouncement } from './presenter.js';
import { ANNOUNCEMENT_WORKFLOW, type AnnouncementAction } from './workflow.js';

/* 揭榜成果公告: drafted (from "compile" or by hand), edited while a draft, published, withdrawn with a reason. */

export function needActor(ctx: CommandCtx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** Writes the items of a draft from the matches named (each must be a match), replacing any before. */
async function writeItems(trx: Trx, announcementId: number, items: AnnouncementData['items']) {
  const facts = await factsOf(
    trx,
    items.map((i) => i.solutionId),
  );
  const fields: FieldError[] = [];
  items.forEach((it, i) => {
    if (!facts.has(it.solutionId)) fields.push({ path: `items.${i}.solutionId`, key: 'not_matched' });
  });
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  await trx.deleteFrom('results_items').where('announcement_id', '=', announcementId).execute();
  for (const [i, it] of items.entries()) {
    const f = facts.get(it.solutionId)!;
    await trx
      .insertInto('results_items')
      .values({
        announcement_id: announcementId,
        solution_id: f.solutionId,
        challenge_id: f.challengeId,
        position: i + 1,
        need_title: f.needTitle,
        domain: f.domain,
        poster_name: f.posterName,
        taker_name: f.takerName,
        matched_on: f.matchedOn,
        summary: it.summary || f.summary,
        region_key: regionKey(f.regionIds),
      })
      .execute();
  }
}

const auditView = (input: AnnouncementData) => ({
  title: input.title,
  periodFrom: input.periodFrom,
  periodTo: input.periodTo,
  intro: input.intro,
  items: input.items.map((i) => i.solutionId),
});

export async function createAnnouncement(ctx: CommandCtx, input: AnnouncementData): Promise<number> {
  const actor = needActor(ctx);
  authorizeType(actor, 'results_announcement', 'create');
  const now = nowIso();
  const row = await ctx.trx
    .insertInto('results_announcements')
    .values({
      title: input.title,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      intro: input.intro,
      state: 'draft',
      revision: 1,
      withdraw_reason: '',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      published_at: null,
      withdrawn_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeItems(ctx.trx, row.id, input.items);
  await writeAudit(ctx, {
    action: 'results_announcement.created',
    entityType: 'results_announcement',
    entityId: row.id,
    after: auditView(input),
  });
  return row.id;
}

/** Only a draft is edited; compare-and-set on the revision and the state. */
export async function editAnnouncement(
  ctx: CommandCtx,
  id: number,
  input: AnnouncementData & { revision: number },
): Promise<void> {
  const actor = needActor(ctx);
  const l = await loadAnnouncement(ctx.trx, actor, id);
  // The office editing a published or withdrawn announcement: a state conflict; anyone else: the policy.
  if (actor.role === 'municipal_officer' && l.a.state !== 'draft')
    throw new AppError('STATE_CONFLICT', { state: l.a.state });
  authorize(actor, 'results_announcement', 'edit', l.res);
  if (l.a.revision !== input.revision) throw new AppError('REVISION_CONFLICT');
  const res = await ctx.trx
    .updateTable('results_announcements')
    .set({
      title: input.title,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      intro: input.intro,
      revision: l.a.revision + 1,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('revision', '=', l.a.revision)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('REVISION_CONFLICT');
  await writeItems(ctx.trx, id, input.items);
  await writeAudit(ctx, {
    action: 'results_announcement.edited',
    entityType: 'results_announcement',
    entityId: id,
    before: {
      title: l.a.title,
      periodFrom: l.a.period_from,
      periodTo: l.a.period_to,
      intro: l.a.intro,
      items: l.items.map((i) => i.solution_id),
    },
    after: auditView(input),
  });
}

/**
 * Publish (the draft needs an item, and none of its matches may be in another published announcement) or
 * withdraw with a reason: by the table, compare-and-set on the state.
 */
export async function transitionAnnouncement(
  ctx: CommandCtx,
  id: number,
  action: AnnouncementAction,
  opinion: string,
): Promise<void> {
  const actor = needActor(ctx);
  const l = await loadAnnouncement(ctx.trx, actor, id);
  // A role the table never gives this action: the policy answers (403); the right role from the wrong
  // state (published twice, a draft withdrawn): 409.
  if (!ANNOUNCEMENT_WORKFLOW.some((w) => w.action === action && w.roles.includes(actor.role)))
    authorize(actor, 'results_announcement', action, l.res);
  const t = findTransition(ANNOUNCEMENT_WORKFLOW, l.a.state as AnnouncementState, action);
  if (!t) throw new AppError('STATE_CONFLICT', { state: l.a.state });
  authorize(actor, 'results_announcement', action, l.res);
  const reason = opinion.trim();
  if (t.opinion === 'required' && !reason)
    throw new AppError('OPINION_REQUIRED', {}, [{ path: 'opinion', key: 'required' }]);
  if (action === 'publish') {
    if (l.items.length === 0)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'items', key: 'required' }]);
    const elsewhere = await ctx.trx
      .selectFrom('results_items as ri')
      .innerJoin('results_announcements as a', 'a.id', 'ri.announcement_id')
      .select('ri.solution_id')
      .where('a.state', '=', 'published')
      .where('a.id', '<>', id)
      .where(
        'ri.solution_id',
        'in',
        l.items.map((i) => i.solution_id),
      )
      .execute();
    if (elsewhere.length > 0) {
      const taken = new Set(elsewhere.map((e) => e.solution_id));
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        l.items
          .map((it, i) => ({ it, i }))
          .filter(({ it }) => taken.has(it.solution_id))
          .map(({ i }) => ({ path: `items.${i}.solutionId`, key: 'item_published' })),
      );
    }
  }
  const now = nowIso();
  const res = await ctx.trx
    .updateTable('results_announcements')
    .set({
      state: t.to,
      updated_at: now,
      revision: l.a.revision + 1,
      ...(action === 'publish' ? { published_at: now } : { withdrawn_at: now, withdraw_reason: reason }),
    })
    .where('id', '=', id)
    .where('state', '=', l.a.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: l.a.state });
  await writeAudit(ctx, {
    action: `results_announcement.${action === 'publish' ? 'published' : 'withdrawn'}`,
    entityType: 'results_announcement',
    entityId: id,
    before: { state: l.a.state },
    after: { state: t.to, reason },
  });
  if (action === 'publish') {
    const userIds = new Set<number>();
    for (const it of l.items)
      for (const u of await matchPartyUserIds(ctx.trx, it.solution_id)) userIds.add(u);
    if (userIds.size > 0)
      await enqueue(ctx.trx, 'notify', {
        userIds: [...userIds],
        title: `揭榜成果公告「${l.a.title}」已发布`,
        body: `公告列出了您参与的对接成功项目：${l.items
          .map((i) => i.need_title)
          .join('、')
          .slice(0, 300)}`,
        link: `/results/${id}`,
      });
  }
}
