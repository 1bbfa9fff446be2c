import type { Selectable } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { DbOrTrx } from '../../db/index.js';
import type { ResultsAnnouncementTable, ResultsItemTable } from '../../db/schema-results.js';
import { allowedActions, authorize, type MaybeActor, type ResourceMap } from '../../policy/index.js';
import { keyIds } from './matches.js';

/* Loading and presenting announcements: the office's view (with `actions`) and the public one. */

export type AnnouncementRow = Selectable<ResultsAnnouncementTable>;
export type ItemRow = Selectable<ResultsItemTable>;

export async function itemsOf(db: DbOrTrx, announcementId: number): Promise<ItemRow[]> {
  return db
    .selectFrom('results_items')
    .selectAll()
    .where('announcement_id', '=', announcementId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function announcementRes(a: AnnouncementRow, items: ItemRow[]): ResourceMap['results_announcement'] {
  return { id: a.id, state: a.state, regionIds: [...new Set(items.flatMap((i) => keyIds(i.region_key)))] };
}

export interface LoadedAnnouncement {
  a: AnnouncementRow;
  items: ItemRow[];
  res: ResourceMap['results_announcement'];
}

/** An announcement the actor may see (404 otherwise). */
export async function loadAnnouncement(
  db: DbOrTrx,
  actor: MaybeActor,
  id: number,
): Promise<LoadedAnnouncement> {
  const a = await db.selectFrom('results_announcements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  const items = await itemsOf(db, id);
  const res = announcementRes(a, items);
  authorize(actor, 'results_announcement', 'view', res);
  return { a, items, res };
}

/** A published announcement for anyone (404 for a draft or a withdrawn one). */
export async function loadPublished(db: DbOrTrx, id: number): Promise<LoadedAnnouncement> {
  const a = await db
    .selectFrom('results_announcements')
    .selectAll()
    .where('id', '=', id)
    .where('state', '=', 'published')
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  const items = await itemsOf(db, id);
  return { a, items, res: announcementRes(a, items) };
}

/** Public facts of an item: what the announcement prints. */
export const publicItem = (i: ItemRow) => ({
  id: i.id,
  challengeId: i.challenge_id,
  needTitle: i.need_title,
  domain: i.domain,
  posterName: i.poster_name,
  takerName: i.taker_name,
  matchedOn: i.matched_on,
  summary: i.summary,
});
export type PublicItem = ReturnType<typeof publicItem>;

export function presentPublic(l: LoadedAnnouncement) {
  return {
    id: l.a.id,
    title: l.a.title,
    periodFrom: l.a.period_from,
    periodTo: l.a.period_to,
    intro: l.a.intro,
    publishedAt: l.a.published_at,
    items: l.items.map(publicItem),
  };
}
export type PublicAnnouncement = ReturnType<typeof presentPublic>;

export function presentAnnouncement(actor: MaybeActor, l: LoadedAnnouncement) {
  return {
    ...presentPublic(l),
    state: l.a.state,
    revision: l.a.revision,
    withdrawReason: l.a.withdraw_reason,
    createdAt: l.a.created_at,
    updatedAt: l.a.updated_at,
    withdrawnAt: l.a.withdrawn_at,
    items: l.items.map((i) => ({ ...publicItem(i), solutionId: i.solution_id })),
    actions: allowedActions(actor, 'results_announcement', l.res),
  };
}
