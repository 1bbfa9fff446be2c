import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
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

/**
 * A search first gathers its matches once (a materialised list of ids and sort keys, answered by the index),
 * counts them and pages through them; relevance ranks the SEARCH_POOL most recently published matches, since
 * a broad query (电 matches a fifth of the hall) would otherwise score every match before the first page.
 * Sorting a search by date, deadline or budget pages through every match.
 */
export const SEARCH_POOL = 2000;

interface Cursor {
  s: Sort;
  v?: string | number;
  id?: number;
  o?: number;
  /** The first page's total, carried so later pages do not count again. */
  t?: number;
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
      t: z.number().int().min(0).optional(),
    })
    .safeParse(c);
  if (!parsed.success) throw bad;
  const v = parsed.data;
  if (sort === 'relevance' ? v.o === undefined : v.v === undefined || v.id === undefined) throw bad;
  if (sort === 'budget' && typeof v.v !== 'number') throw bad;
  if (sort !== 'budget' && sort !== 'relevance' && typeof v.v !== 'string') throw bad;
  return v;
}

const HALL_COLUMNS = [
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
] as const;

interface HallRow {
  id: number;
  kind: string;
  state: string;
  title: string;
  domain: string;
  deadline: string;
  budget_wan: number;
  published_at: string | null;
  matched_at: string | null;
  public_json: string;
  views: number;
  signups: number;
  region_id: number;
  region_name: string;
}

/** The sort's key columns on `alias` (the challenges row or the materialised matches), direction, comparison. */
function sortKey(alias: 'c' | 'm', sort: Exclude<Sort, 'relevance'>) {
  const col = sort === 'date' ? 'published_at' : sort === 'deadline' ? 'deadline' : 'budget_wan';
  return {
    key: sql.ref(`${alias}.${col}`),
    id: sql.ref(`${alias}.id`),
    dir: sort === 'deadline' ? ('asc' as const) : ('desc' as const),
  };
}

/** Keyset paging: rows after the cursor's (key, id) in the sort's order. */
function keyset<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  alias: 'c' | 'm',
  sort: Sort,
  cur: Cursor | null,
): SelectQueryBuilder<DB, TB, O> {
  if (sort === 'relevance') return qb;
  const k = sortKey(alias, sort);
  let out = qb;
  if (cur) {
    const v = sort === 'budget' ? Number(cur.v) : String(cur.v);
    out = out.where(
      sql<SqlBool>`(${k.key}, ${k.id}) ${sql.raw(k.dir === 'asc' ? '>' : '<')} (${v}, ${cur.id!})`,
    );
  }
  return out.orderBy(k.key, k.dir).orderBy(k.id, k.dir);
}

/** The page's rows in the sort's order (the outer query of a search keeps its inner order). */
function order<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  sort: Sort,
): SelectQueryBuilder<DB, TB, O> {
  if (sort === 'relevance') return qb;
  const k = sortKey('c', sort);
  return qb.orderBy(k.key, k.dir).orderBy(k.id, k.dir);
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
  let q = db.selectFrom('challenges as c').where('c.state', 'in', ['published', 'closed']);
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

  const cur = f.cursor ? decode(f.cursor, sort) : null;
  const limit = f.limit + 1;
  let page: HallRow[];
  let total: number;
  if (search) {
    // The matches once, materialised: the index answers the search, every other step reads this list.
    const m = db
      .with(
        (w) => w('m').materialized(),
        () => q.select(['c.id', 'c.published_at', 'c.deadline', 'c.budget_wan']),
      )
      .with('pool', (w) =>
        w
          .selectFrom('m')
          .select('m.id')
          .orderBy('m.published_at', 'desc')
          .orderBy('m.id', 'desc')
          .limit(SEARCH_POOL),
      );
    const ids =
      sort === 'relevance'
        ? m.selectFrom('pool').select('pool.id')
        : keyset(m.selectFrom('m').select('m.id'), 'm', sort, cur).limit(limit);
    let rows = m
      .selectFrom('challenges as c')
      .innerJoin('regions as r', 'r.id', 'c.region_id')
      .where('c.id', 'in', ids)
      .select(HALL_COLUMNS)
      .select((eb) => eb.selectFrom('m').select(eb.fn.countAll<number>().as('k')).as('n'));
    if (sort === 'relevance') {
      for (const o of searchOrder(repo, search, 'pool')) rows = rows.orderBy(o);
      rows = rows
        .orderBy('c.published_at', 'desc')
        .orderBy('c.id', 'desc')
        .offset(cur?.o ?? 0);
    } else rows = order(rows, sort);
    const found = await rows.limit(limit).execute();
    page = found;
    total = cur?.t ?? toInt(found[0]?.n ?? 0);
  } else {
    if (cur?.t !== undefined) total = cur.t;
    else {
      const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      total = toInt(n);
    }
    const rows = q.innerJoin('regions as r', 'r.id', 'c.region_id').select(HALL_COLUMNS);
    page = await keyset(rows, 'c', sort, cur).limit(limit).execute();
  }
  const more = page.length > f.limit;
  const items = page.slice(0, f.limit);
  const last = items[items.length - 1];
  let nextCursor: string | null = null;
  if (more && last) {
    if (sort === 'relevance') nextCursor = encode({ s: sort, o: (cur?.o ?? 0) + f.limit, t: total });
    else {
      const v =
        sort === 'date' ? (last.published_at ?? '') : sort === 'deadline' ? last.deadline : last.budget_wan;
      nextCursor = encode({ s: sort, v, id: last.id, t: total });
    }
    if (sort === 'relevance' && (cur?.o ?? 0) + f.limit >= SEARCH_POOL) nextCursor = null;
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
    total,
    /** Relevance ranks only this many matches (the most recent); other sorts page through all. */
    ranked: sort === 'relevance' ? Math.min(total, SEARCH_POOL) : total,
    sort,
    nextCursor,
    query: search ? { needles } : null,
  };
}
