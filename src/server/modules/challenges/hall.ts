import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { toInt, type DbOrTrx, type DialectName } from '../../db/index.js';
import { CHALLENGE_KINDS, publicBody, type PublicPart } from '../../../shared/challenges/form.js';
import { highlight, snippet } from '../../../shared/challenges/tokens.js';
import { DOMAINS, todayInChina } from '../../../shared/roles.js';
import { hallStatus } from './presenter.js';
import { prepareSearch, searchOrder, searchPredicate, searchRepo } from './search.js';

export const HallQuery = z.object({
  kind: z.enum(CHALLENGE_KINDS).optional(),
  domain: z.enum(DOMAINS).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'closed', 'matched']).optional(),
  /** `date` newest first, `deadline` soonest first, `budget` largest first, `relevance` best match first. */
  sort: z.enum(['date', 'deadline', 'budget', 'relevance']).optional(),
  q: z.string().max(200).optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type HallFilter = z.infer<typeof HallQuery>;
type Sort = NonNullable<HallFilter['sort']>;

interface Cursor {
  s: Sort;
  v?: string | number;
  id?: number;
  o?: number;
}

const encode = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(raw: string, sort: Sort): Cursor {
  const bad = new AppError('VALIDATION_FAILED', {}, [{ path: 'cursor', key: 'bad_cursor' }]);
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  const parsed = z
    .object({
      s: z.literal(sort),
      v: z.union([z.string().max(40), z.number()]).optional(),
      id: z.number().int().positive().optional(),
      o: z.number().int().min(0).max(10_000).optional(),
    })
    .safeParse(c);
  if (!parsed.success) throw bad;
  const v = parsed.data;
  if (sort === 'relevance' ? v.o === undefined : v.v === undefined || v.id === undefined) throw bad;
  if (sort === 'budget' && typeof v.v !== 'number') throw bad;
  if (sort !== 'budget' && sort !== 'relevance' && typeof v.v !== 'string') throw bad;
  return v;
}

/**
 * The public hall (榜单大厅): published and closed postings, public part only. Keyset pagination on
 * (sort key, id) keeps deep pages as fast as the first; relevance (with a query) pages by offset.
 */
export async function listHall(db: DbOrTrx, dialect: DialectName, f: HallFilter) {
  const search = await prepareSearch(db, dialect, f.q);
  const repo = searchRepo(dialect);
  const sort: Sort = f.sort === 'relevance' && !search ? 'date' : (f.sort ?? (search ? 'relevance' : 'date'));
  const today = todayInChina();
  let q = db
    .selectFrom('challenges as c')
    .innerJoin('regions as r', 'r.id', 'c.region_id')
    .where('c.state', 'in', ['published', 'closed']);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.domain) q = q.where('c.domain', '=', f.domain);
  if (f.regionId) q = q.where('c.region_id', '=', f.regionId);
  if (f.status === 'open')
    q = q
      .where('c.state', '=', 'published')
      .where('c.deadline', '>=', today)
      .where('c.matched_at', 'is', null);
  if (f.status === 'closed')
    q = q
      .where('c.matched_at', 'is', null)
      .where((eb) => eb.or([eb('c.state', '=', 'closed'), eb('c.deadline', '<', today)]));
  if (f.status === 'matched') q = q.where('c.matched_at', 'is not', null);
  if (search) q = q.where(searchPredicate(repo, search));

  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

  const cur = f.cursor ? decode(f.cursor, sort) : null;
  let rows = q.select([
    'c.id',
    'c.kind',
    'c.state',
    'c.title',
    'c.domain',
    'c.deadline',
    'c.budget_wan',
    'c.published_at',
    'c.matched_at',
    'c.public_json',
    'c.views',
    'c.signups',
    'r.id as region_id',
    'r.name as region_name',
  ]);
  if (sort === 'date') {
    if (cur)
      rows = rows.where((eb) =>
        eb(eb.refTuple('c.published_at', 'c.id'), '<', eb.tuple(String(cur.v), cur.id!)),
      );
    rows = rows.orderBy('c.published_at', 'desc').orderBy('c.id', 'desc');
  } else if (sort === 'deadline') {
    if (cur)
      rows = rows.where((eb) => eb(eb.refTuple('c.deadline', 'c.id'), '>', eb.tuple(String(cur.v), cur.id!)));
    rows = rows.orderBy('c.deadline', 'asc').orderBy('c.id', 'asc');
  } else if (sort === 'budget') {
    if (cur)
      rows = rows.where((eb) =>
        eb(eb.refTuple('c.budget_wan', 'c.id'), '<', eb.tuple(Number(cur.v), cur.id!)),
      );
    rows = rows.orderBy('c.budget_wan', 'desc').orderBy('c.id', 'desc');
  } else {
    for (const o of searchOrder(repo, search!)) rows = rows.orderBy(o);
    rows = rows
      .orderBy('c.published_at', 'desc')
      .orderBy('c.id', 'desc')
      .offset(cur?.o ?? 0);
  }
  const page = await rows.limit(f.limit + 1).execute();
  const more = page.length > f.limit;
  const items = page.slice(0, f.limit);
  const last = items[items.length - 1];
  let nextCursor: string | null = null;
  if (more && last) {
    if (sort === 'relevance') nextCursor = encode({ s: sort, o: (cur?.o ?? 0) + f.limit });
    else {
      const v =
        sort === 'date' ? (last.published_at ?? '') : sort === 'deadline' ? last.deadline : last.budget_wan;
      nextCursor = encode({ s: sort, v, id: last.id });
    }
    if (sort === 'relevance' && (cur?.o ?? 0) + f.limit > 10_000) nextCursor = null;
  }
  const needles = search?.needles ?? [];
  return {
    items: items.map((r) => {
      const p = JSON.parse(r.public_json) as PublicPart;
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        titleParts: highlight(r.title, needles),
        snippetParts: snippet(publicBody(p), needles),
        domain: r.domain,
        region: { id: r.region_id, name: r.region_name },
        status: hallStatus(
          { state: r.state as 'published', deadline: r.deadline, matchedAt: r.matched_at },
          today,
        ),
        deadline: r.deadline,
        budgetWan: r.budget_wan,
        publishedAt: r.published_at,
        views: r.views,
        signups: r.signups,
      };
    }),
    total: toInt(n),
    sort,
    nextCursor,
    query: search ? { needles } : null,
  };
}
