import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { nowIso, type Db, type DbOrTrx, type DialectName } from '../../../db/index.js';
import { publicBody, type PublicPart } from '../../../../shared/challenges/form.js';
import { normalise } from '../../../../shared/challenges/tokens.js';
import { DOMAINS, todayInChina } from '../../../../shared/roles.js';
import { listHall } from '../hall.js';
import { searchRepo } from '../search.js';
import { plainJiebaCut } from '../segmenter.js';
import needsJson from './needs.json' with { type: 'json' };
import queriesJson from './queries.json' with { type: 'json' };

/*
 * Search quality (issue #5): a labelled set of needs and queries, the hall search against plain jieba
 * matching, recall@10 per query and macro-averaged. Relevance was judged by meaning, so a need can be
 * relevant without containing the query's string (柑桔 for 柑橘, 脐橙 for 柑橘, 黄连 for 中药材).
 */

export const Need = z.object({
  id: z.string().regex(/^[a-z]{2}\d{2}$/),
  kind: z.enum(['tech', 'transfer']),
  domain: z.enum(DOMAINS),
  title: z.string().min(1).max(100),
  text: z.string().min(1).max(5000),
});
export type Need = z.infer<typeof Need>;

export const QUERY_TYPES = [
  'one_char',
  'two_char',
  'phrase',
  'synonym',
  'abbreviation',
  'broader',
  'colloquial',
] as const;

export const LabelledQuery = z.object({
  q: z.string().min(1).max(50),
  type: z.enum(QUERY_TYPES),
  relevant: z.array(z.string()).min(1).max(10),
});
export type LabelledQuery = z.infer<typeof LabelledQuery>;

export function labelledSet(): { needs: Need[]; queries: LabelledQuery[] } {
  const needs = z.array(Need).parse(needsJson);
  const queries = z.array(LabelledQuery).parse(queriesJson);
  const ids = new Set(needs.map((n) => n.id));
  for (const q of queries)
    for (const r of q.relevant) if (!ids.has(r)) throw new Error(`${q.q}: unknown need ${r}`);
  return { needs, queries };
}

function publicPartOf(n: Need, regionId: number, deadline: string): PublicPart {
  const common = { title: n.title, domain: n.domain, regionId, deadline, budgetWan: 100 };
  return n.kind === 'tech'
    ? { kind: 'tech', ...common, problem: n.text, indicators: '', expectedOutcome: '', support: '' }
    : {
        kind: 'transfer',
        ...common,
        achievement: n.text,
        maturity: 'pilot',
        patents: [],
        ipOwnership: '',
        market: '',
        partnerSought: '',
      };
}

/**
 * Publishes the needs straight into the hall of a fresh database (a poster, published rows and the
 * search index, written by the same index function the publish transition uses). Returns row id → need id.
 */
export async function loadNeeds(
  db: Db,
  dialect: DialectName,
  needs: readonly Need[],
): Promise<Map<number, string>> {
  return db.transaction().execute((trx) => loadInto(trx, dialect, needs));
}

async function loadInto(
  db: DbOrTrx,
  dialect: DialectName,
  needs: readonly Need[],
): Promise<Map<number, string>> {
  const region = await db
    .selectFrom('regions')
    .select('id')
    .where('kind', '=', 'district')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const user = await db
    .insertInto('users')
    .values({
      username: `eval_${randomBytes(4).toString('hex')}`,
      password_hash: '!',
      role: 'unit',
      display_name: '评测发布人',
      region_id: region.id,
      unit_id: null,
      email: '',
      phone: '',
      status: 'disabled',
      must_change_password: 0,
      failed_logins: 0,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const deadline = `${Number(todayInChina().slice(0, 4)) + 1}-12-31`;
  const ids = new Map<number, string>();
  for (const [i, n] of needs.entries()) {
    const part = publicPartOf(n, region.id, deadline);
    const published = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    const row = await db
      .insertInto('challenges')
      .values({
        kind: n.kind,
        state: 'published',
        poster_user_id: user.id,
        unit_id: null,
        region_id: region.id,
        domain: n.domain,
        title: n.title,
        budget_wan: 100,
        deadline,
        public_json: JSON.stringify(part),
        confidential_json: '{}',
        revision: 1,
        reached_national: 0,
        last_opinion: '',
        views: 0,
        signups: 0,
        created_at: published,
        updated_at: published,
        published_at: published,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await searchRepo(dialect).index(db, row.id, n.title, publicBody(part));
    ids.set(row.id, n.id);
  }
  return ids;
}

export interface QueryResult {
  q: string;
  type: LabelledQuery['type'];
  top: string[];
  recall: number;
  missed: string[];
}

function score(q: LabelledQuery, top: string[]): QueryResult {
  const found = q.relevant.filter((r) => top.includes(r));
  return {
    q: q.q,
    type: q.type,
    top,
    recall: found.length / q.relevant.length,
    missed: q.relevant.filter((r) => !top.includes(r)),
  };
}

/** Each query through the public hall's search (relevance order, first page of 10). */
export async function runHall(
  db: DbOrTrx,
  dialect: DialectName,
  ids: Map<number, string>,
  queries: readonly LabelledQuery[],
): Promise<QueryResult[]> {
  const out: QueryResult[] = [];
  for (const q of queries) {
    const page = await listHall(db, dialect, { q: q.q, sort: 'relevance', limit: 10 });
    out.push(
      score(
        q,
        page.items.map((i) => ids.get(i.id) ?? `#${i.id}`),
      ),
    );
  }
  return out;
}

/**
 * Plain jieba matching, the baseline the issue asks for: jieba `cut` of each need (title and text) and of
 * the query; a need matches when it contains every token of the query; ranked by the number of token hits.
 */
export function runPlainJieba(needs: readonly Need[], queries: readonly LabelledQuery[]): QueryResult[] {
  const docs = needs.map((n) => ({
    id: n.id,
    tokens: plainJiebaCut(`${n.title}\n${n.text}`.toLowerCase()).filter((t) => t.trim() !== ''),
  }));
  return queries.map((q) => {
    const want = [...new Set(plainJiebaCut(q.q.toLowerCase()).filter((t) => t.trim() !== ''))];
    const ranked = docs
      .map((d, i) => ({
        id: d.id,
        i,
        all: want.every((w) => d.tokens.includes(w)),
        hits: d.tokens.filter((t) => want.includes(t)).length,
      }))
      .filter((d) => d.all && want.length > 0)
      .sort((a, b) => b.hits - a.hits || a.i - b.i);
    return score(
      q,
      ranked.slice(0, 10).map((d) => d.id),
    );
  });
}

/** Exact substring matching (the old behaviour of a one-term query): title hits first. */
export function runLiteral(needs: readonly Need[], queries: readonly LabelledQuery[]): QueryResult[] {
  return queries.map((q) => {
    const want = normalise(q.q);
    const top = needs
      .filter((n) => normalise(`${n.title}\n${n.text}`).includes(want))
      .sort((a, b) => Number(normalise(b.title).includes(want)) - Number(normalise(a.title).includes(want)))
      .slice(0, 10)
      .map((n) => n.id);
    return score(q, top);
  });
}

export const macroRecall = (rs: readonly QueryResult[]): number =>
  rs.reduce((s, r) => s + r.recall, 0) / Math.max(1, rs.length);

/** Macro recall@10 per query type. */
export function recallByType(rs: readonly QueryResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of QUERY_TYPES) {
    const of = rs.filter((r) => r.type === t);
    if (of.length > 0) out[t] = macroRecall(of);
  }
  return out;
}
