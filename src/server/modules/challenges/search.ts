import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx, DialectName } from '../../db/index.js';
import {
  buildQuery,
  ftsQuery,
  indexTokens,
  tsQuery,
  tsVector,
  type TermEntry,
} from '../../../shared/challenges/tokens.js';

/**
 * The search index behind one interface with an implementation per engine (search-design note): SQLite
 * keeps bigram tokens in a contentless FTS5 table, PostgreSQL in an app-filled tsvector column with GIN.
 * The index holds the public part only; the app writes it in the transaction that publishes a posting.
 */
export interface SearchRepo {
  index(db: DbOrTrx, id: number, title: string, body: string): Promise<void>;
  /** Predicate on `c.id` for the prepared query text. */
  matches(expr: string): RawBuilder<SqlBool>;
  /** A rank expression where smaller is better. */
  rank(expr: string): RawBuilder<number>;
  /** The engine's query text for the groups of a user query. */
  compile(groups: Parameters<typeof ftsQuery>[0]): string;
}

const sqliteRepo: SearchRepo = {
  async index(db, id, title, body) {
    await sql`delete from challenges_fts where rowid = ${id}`.execute(db);
    await sql`insert into challenges_fts (rowid, title, body) values (${id}, ${indexTokens(title).join(' ')}, ${indexTokens(body).join(' ')})`.execute(
      db,
    );
  },
  matches: (expr) =>
    sql<SqlBool>`c.id in (select rowid from challenges_fts where challenges_fts match ${expr})`,
  rank: (expr) =>
    sql<number>`(select bm25(challenges_fts, 5, 1) from challenges_fts where challenges_fts match ${expr} and rowid = c.id)`,
  compile: ftsQuery,
};

const postgresRepo: SearchRepo = {
  async index(db, id, title, body) {
    await sql`update challenges set tsv = ${tsVector(title, body)}::tsvector where id = ${id}`.execute(db);
  },
  matches: (expr) => sql<SqlBool>`c.tsv @@ ${expr}::tsquery`,
  rank: (expr) => sql<number>`(0 - ts_rank(c.tsv, ${expr}::tsquery))`,
  compile: tsQuery,
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
  expr: string;
  needles: string[];
}

/** The user's text as the engine's query, or null when nothing searchable is left. */
export async function prepareSearch(
  db: DbOrTrx,
  dialect: DialectName,
  q: string | undefined,
): Promise<PreparedSearch | null> {
  if (!q || !q.trim()) return null;
  const { groups, needles } = buildQuery(q, await loadDictionary(db));
  if (groups.length === 0) return null;
  return { expr: searchRepo(dialect).compile(groups), needles };
}
