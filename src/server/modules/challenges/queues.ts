import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { containsText, toInt, type DbOrTrx } from '../../db/index.js';
import { authorizeType, type Actor } from '../../policy/index.js';
import { CHALLENGE_KINDS } from '../../../shared/challenges/form.js';
import { DOMAINS } from '../../../shared/roles.js';
import { CHALLENGE_STATES } from './workflow.js';

export const QueueQuery = z.object({
  state: z.enum(CHALLENGE_STATES).optional(),
  kind: z.enum(CHALLENGE_KINDS).optional(),
  domain: z.enum(DOMAINS).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  /** Title contains (plain substring, not the hall's search). */
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type QueueFilter = z.infer<typeof QueueQuery>;

/**
 * The consoles' lists. `mine`: the poster's postings (the account's own, or its unit's). `review`: the
 * municipal office sees everything submitted, the national reviewer what reached its level; both default
 * to what waits for them (`submitted` / `national_review`) unless a state is asked for.
 */
export async function listChallenges(
  db: DbOrTrx,
  actor: Actor,
  scope: 'mine' | 'review',
  f: QueueFilter,
  all = false,
) {
  let q = db
    .selectFrom('challenges as c')
    .innerJoin('regions as r', 'r.id', 'c.region_id')
    .innerJoin('users as p', 'p.id', 'c.poster_user_id')
    .leftJoin('units as u', 'u.id', 'c.unit_id');
  if (scope === 'mine') {
    authorizeType(actor, 'challenge', 'list_mine');
    q =
      actor.unitId !== null
        ? q.where((eb) => eb.or([eb('c.poster_user_id', '=', actor.id), eb('c.unit_id', '=', actor.unitId)]))
        : q.where('c.poster_user_id', '=', actor.id);
  } else {
    authorizeType(actor, 'challenge', 'review_queue');
    if (actor.role === 'municipal_officer') q = q.where('c.state', '!=', 'draft');
    else if (actor.role === 'national_reviewer') q = q.where('c.reached_national', '=', 1);
    else throw new AppError('FORBIDDEN');
    if (!f.state)
      q = q.where('c.state', '=', actor.role === 'municipal_officer' ? 'submitted' : 'national_review');
  }
  if (f.state) q = q.where('c.state', '=', f.state);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.domain) q = q.where('c.domain', '=', f.domain);
  if (f.regionId) q = q.where('c.region_id', '=', f.regionId);
  if (f.q) q = q.where(containsText('c.title', f.q));
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = q
    .select([
      'c.id',
      'c.kind',
      'c.state',
      'c.title',
      'c.domain',
      'c.deadline',
      'c.budget_wan',
      'c.views',
      'c.signups',
      'c.last_opinion',
      'c.submitted_at',
      'c.published_at',
      'c.updated_at',
      'r.name as region_name',
      'u.name as unit_name',
      'p.display_name as poster_display_name',
    ])
    .orderBy('c.updated_at', 'desc')
    .orderBy('c.id', 'desc');
  if (!all) rows = rows.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const items = (await rows.execute()).map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    title: r.title,
    domain: r.domain,
    regionName: r.region_name,
    posterName: r.unit_name ?? r.poster_display_name,
    deadline: r.deadline,
    budgetWan: r.budget_wan,
    views: r.views,
    signups: r.signups,
    lastOpinion: r.last_opinion,
    submittedAt: r.submitted_at,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
  }));
  return { items, total: toInt(n), page: f.page, pageSize: f.pageSize };
}
