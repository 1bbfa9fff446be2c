import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx, DialectName } from '../../db/index.js';
import {
  dictionaryWords,
  planQuery,
  subsets,
  type QueryPlan,
  type TermEntry,
} from '../../../shared/challenges/query.js';
import { ftsQuery, indexTokens, tsQuery, tsVector, type Group } from '../../../shared/challenges/tokens.js';
import { jiebaSegmenter } from './segmenter.js';

/**
 * The search index behind one interface with an implementation per engine (search-design note): SQLite
 * keeps bigram tokens in a contentless FTS5 table, PostgreSQL in an app-filled tsvector column with GIN.
 * The index holds the public part only; the app writes it in the transaction that publishes a posting.
 * Every query text is built by shared/challenges/tokens.ts from quoted tokens and bound as one parameter.
 */
export interface SearchRepo {
  index(db: DbOrTrx, id: number, title: string, body: string): Promise<void>;
  /** Predicate on `c.id`: the row matches the engine query (index-backed). */
  matches(expr: string): RawBuilder<SqlBool>;
  /** 1 when the row matches the engine query, else 0. */
  hit(expr: string): RawBuilder<number>;
  /** A rank expression where smaller is better; `pool` names a CTE of the ids to be ranked (others may be skipped). */
  rank(expr: string, pool?: string): RawBuilder<number>;
  /** The engine's query text for AND-ed groups of OR-ed alternatives. */
  compile(groups: Group[]): string;
  /** The engine's operators for combining compiled query texts. */
  and: string;
  or: string;
}

const sqliteRepo: SearchRepo = {
  async index(db, id, title, body) {
    await sql`delete from challenges_fts where rowid = ${id}`.execute(db);
    await sql`insert into challenges_fts (rowid, title, body) values (${id}, ${indexTokens(title).join(' ')}, ${indexTokens(body).join(' ')})`.execute(
      db,
    );
  },
  matches: (expr) =>
    sql<SqlBool>`+c.id in (select rowid from challenges_fts where challenges_fts match ${expr})`,
  hit: (expr) =>
    sql<number>`(case when c.id in (select rowid from challenges_fts where challenges_fts match ${expr}) then 1 else 0 end)`,
  // BM25 of every match computed once (materialised), then looked up per row: a correlated MATCH would
  // run the full-text query again for every matching row.
  rank: (expr, pool) =>
    sql<number>`(with s as materialized (select rowid as fid, bm25(challenges_fts, 5, 1) as r from challenges_fts where challenges_fts match ${expr}${pool ? sql` and +rowid in (select id from ${sql.table(pool)})` : sql``}) select r from s where fid = c.id)`,
  compile: ftsQuery,
  and: ' AND ',
  or: ' OR ',
};

const postgresRepo: SearchRepo = {
  async index(db, id, title, body) {
    await sql`update challenges set tsv = ${tsVector(title, body)}::tsvector where id = ${id}`.execute(db);
  },
  matches: (expr) => sql<SqlBool>`c.tsv @@ ${expr}::tsquery`,
  hit: (expr) => sql<number>`(case when c.tsv @@ ${expr}::tsquery then 1 else 0 end)`,
  rank: (expr) => sql<number>`(0 - ts_rank(c.tsv, ${expr}::tsquery))`,
  compile: tsQuery,
  and: ' & ',
  or: ' | ',
};

export function searchRepo(dialect: DialectName): SearchRepo {
  return dialect === 'postgres' ? postgresRepo : sqliteRepo;
}

/** The editable dictionary (a small table, read per search so every node sees edits at once). */
export async function loadDictionary(db: DbOrTrx): Promise<TermEntry[]> {
  const rows = await db.selectFrom('challenge_terms').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    term: r.term,
    synonyms: JSON.parse(r.synonyms_json) as string[],
    narrower: JSON.parse(r.narrower_json) as string[],
  }));
}

export interface PreparedSearch {
  /** Any word of every term: the BM25 / ts_rank tie-break. */
  any: string;
  /** The whole match as one index query: for every term, at least `min` of its words (some alternative each). */
  filter: string;
  terms: Array<{ words: Array<{ expr: string; weight: number }>; min: number }>;
  needles: string[];
}

/** A query plan as the engine's query texts. */
export function compilePlan(dialect: DialectName, plan: QueryPlan): PreparedSearch | null {
  if (plan.terms.length === 0) return null;
  const repo = searchRepo(dialect);
  const term = (t: QueryPlan['terms'][number]): string =>
    t.min <= 1
      ? repo.compile([t.words.flatMap((w) => w.alts)])
      : '(' +
        subsets(t.words, t.min)
          .map((ws) => '(' + ws.map((w) => repo.compile([w.alts])).join(repo.and) + ')')
          .join(repo.or) +
        ')';
  return {
    any: repo.compile(plan.terms.map((t) => t.words.flatMap((w) => w.alts))),
    filter: plan.terms.map(term).join(repo.and),
    terms: plan.terms.map((t) => ({
      words: t.words.map((w) => ({ expr: repo.compile([w.alts]), weight: w.weight })),
      min: t.min,
    })),
    needles: plan.needles,
  };
}

/** The user's text as the engine's query, or null when nothing searchable is left. */
export async function prepareSearch(
  db: DbOrTrx,
  dialect: DialectName,
  q: string | undefined,
): Promise<PreparedSearch | null> {
  if (!q || !q.trim()) return null;
  const dict = await loadDictionary(db);
  return compilePlan(dialect, planQuery(q, dict, jiebaSegmenter(dictionaryWords(dict))));
}

/**
 * Rows that match: at least `min` words of every term, as one index query (the k-of-n condition spelled out
 * as an OR of its k-word conjunctions, so the engine's index answers it without reading each row).
 */
export function searchPredicate(repo: SearchRepo, s: PreparedSearch): RawBuilder<SqlBool> {
  return repo.matches(s.filter);
}

/**
 * Best first: the summed weight of the words a row contains (negated), then BM25 / ts_rank. `pool` names the
 * CTE of the ids being ranked.
 */
export function searchOrder(repo: SearchRepo, s: PreparedSearch, pool?: string): Array<RawBuilder<number>> {
  const words = s.terms.flatMap((t) => t.words);
  if (words.length < 2) return [repo.rank(s.any, pool)];
  const score = sql<number>`(0 - (${sql.join(
    words.map((w) => sql`${sql.lit(w.weight)} * ${repo.hit(w.expr)}`),
    sql` + `,
  )}))`;
  return [score, repo.rank(s.any, pool)];
}
