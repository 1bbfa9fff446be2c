/**
 * Seeds a fresh database with `n` published needs (揭榜领题) for the hall benchmark: units with their
 * accounts in all 41 districts, postdocs, and postings of both kinds in all nine domains, with Chinese
 * titles and texts from word lists. Deterministic (seeded PRNG), multi-row inserts in transactions.
 * The search index is then written by the app's own `searchRepo(dialect).index` for every posting, as
 * publishing does (commands.ts), so the benchmark searches exactly what the app would have indexed.
 */
import { nowIso, type Db, type DialectName } from '../../src/server/db/index.js';
import { searchRepo } from '../../src/server/modules/challenges/search.js';
import { COMMITMENTS } from '../../src/shared/challenges/commitment.js';
import {
  MATURITIES,
  publicBody,
  type ChallengeKind,
  type PublicPart,
} from '../../src/shared/challenges/form.js';
import { DOMAINS, todayInChina, type Domain } from '../../src/shared/roles.js';
import * as W from './hall-words.js';
import { prng } from './seed.js';

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (rnd: Rnd, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function techPart(rnd: Rnd, domain: Domain, regionId: number, deadline: string, budgetWan: number) {
  const topic = pick(rnd, W.TOPICS[domain]);
  const aspect = pick(rnd, W.ASPECTS);
  const aspect2 = pick(rnd, W.ASPECTS);
  const title = `${pick(rnd, W.MODIFIERS)}${topic}${pick(rnd, W.TECH_ACTIONS)}`;
  return {
    kind: 'tech' as const,
    title,
    domain,
    regionId,
    deadline,
    problem:
      `现有${topic}在${aspect}方面${pick(rnd, W.PROBLEMS)}，制约了${pick(rnd, W.INDUSTRIES)}的发展。` +
      `本单位拟联合博士后研究人员，围绕${pick(rnd, W.MODIFIERS)}${topic}的${aspect2}开展攻关，` +
      `重点解决${pick(rnd, W.TOPICS[domain])}与${topic}协同中的${pick(rnd, W.ASPECTS)}问题。`,
    indicators:
      `${aspect}提升不低于${int(rnd, 10, 60)}%；${aspect2}达到行业先进水平；` +
      `连续运行${int(rnd, 100, 2000)}小时无故障。`,
    expectedOutcome: `${pick(rnd, W.OUTCOMES)}；${pick(rnd, W.OUTCOMES)}。`,
    budgetWan,
    support: pick(rnd, W.SUPPORTS),
  };
}

function transferPart(rnd: Rnd, domain: Domain, regionId: number, deadline: string, budgetWan: number) {
  const topic = pick(rnd, W.TOPICS[domain]);
  const uni = pick(rnd, W.UNIVERSITIES);
  const patents = Array.from({ length: int(rnd, 0, 2) }, () => ({
    number: `ZL20${int(rnd, 15, 24)}1${Array.from({ length: 7 }, () => pick(rnd, W.DIGITS)).join('')}.${int(rnd, 0, 9)}`,
    title: `一种${pick(rnd, W.MODIFIERS)}${topic}的${pick(rnd, ['制备方法', '检测装置', '处理系统', '控制方法'])}`,
    owner: uni,
  }));
  return {
    kind: 'transfer' as const,
    title: `${pick(rnd, W.MODIFIERS)}${topic}${pick(rnd, W.TRANSFER_ACTIONS)}`,
    domain,
    regionId,
    deadline,
    achievement:
      `在${uni}博士后工作期间，建立了${pick(rnd, W.MODIFIERS)}${topic}的${pick(rnd, ['制备工艺', '检测方法', '控制算法', '成套装备'])}，` +
      `${pick(rnd, W.ASPECTS)}较现有方案提升${int(rnd, 10, 80)}%，已完成${pick(rnd, ['实验室验证', '小试', '中试'])}。`,
    maturity: pick(rnd, MATURITIES),
    patents,
    ipOwnership: pick(rnd, W.IP_OWNERSHIP),
    market: pick(rnd, W.MARKETS),
    partnerSought: pick(rnd, W.PARTNERS),
    budgetWan,
  };
}

export interface HallSeedReport {
  needs: number;
  units: number;
  postdocs: number;
  districts: number;
  /** A district to filter by in the benchmark. */
  sampleRegionId: number;
  indexMs: number;
}

/** Inserts in transactions of `size` rows per statement. */
async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedHall(
  db: Db,
  dialect: DialectName,
  n: number,
  seed = 20251123,
): Promise<HallSeedReport> {
  const rnd = prng(seed);
  const now = nowIso();
  const today = todayInChina();
  const regions = (
    await db.selectFrom('regions').select('id').where('kind', '=', 'district').orderBy('id').execute()
  ).map((r) => r.id);
  const user = (username: string, role: string, regionId: number | null, unitId: number | null) => ({
    username,
    password_hash: 'x',
    role,
    display_name: username,
    region_id: regionId,
    unit_id: unitId,
    email: '',
    phone: '',
    status: 'active' as const,
    must_change_password: 0,
    failed_logins: 0,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  });

  // Eight posting units per district (each with its account) and 400 postdocs.
  const unitRows = regions.flatMap((r, ri) =>
    Array.from({ length: 8 }, (_, k) => ({
      name: `${pick(rnd, W.TOPICS[DOMAINS[(ri + k) % DOMAINS.length]!])}科技有限公司${r}-${k}`,
      unit_type: 'enterprise',
      credit_code: `BENCHHALL${String(ri * 8 + k).padStart(9, '0')}`,
      registration_date: '2012-03-01',
      region_id: r,
      contact_name: '',
      contact_phone: '',
      contact_email: '',
      created_at: now,
      updated_at: now,
    })),
  );
  await db.transaction().execute(async (trx) => {
    await insertChunked(unitRows, 500, (c) => trx.insertInto('units').values(c).execute());
    const units = await trx.selectFrom('units').select(['id', 'region_id']).orderBy('id').execute();
    await insertChunked(units, 500, (c) =>
      trx
        .insertInto('users')
        .values(c.map((u) => user(`bench_hall_u${u.id}`, 'unit', u.region_id, u.id)))
        .execute(),
    );
    const postdocs = Array.from({ length: 400 }, (_, i) =>
      user(`bench_hall_p${i}`, 'individual', null, null),
    );
    await insertChunked(postdocs, 500, (c) => trx.insertInto('users').values(c).execute());
  });
  const unitUsers = await db
    .selectFrom('users')
    .select(['id', 'unit_id', 'region_id'])
    .where('role', '=', 'unit')
    .where('username', 'like', 'bench_hall_u%')
    .orderBy('id')
    .execute();
  const byRegion = new Map<number, typeof unitUsers>();
  for (const u of unitUsers) byRegion.set(u.region_id!, [...(byRegion.get(u.region_id!) ?? []), u]);
  const postdocIds = (
    await db.selectFrom('users').select('id').where('username', 'like', 'bench_hall_p%').execute()
  ).map((u) => u.id);

  const nowMs = Date.parse(now);
  const batch = 400;
  for (let start = 0; start < n; start += 20 * batch) {
    await db.transaction().execute(async (trx) => {
      for (let b = start; b < Math.min(n, start + 20 * batch); b += batch) {
        const rows = [];
        for (let i = b; i < Math.min(n, b + batch); i++) {
          const kind: ChallengeKind = rnd() < 0.6 ? 'tech' : 'transfer';
          const domain = DOMAINS[i % DOMAINS.length]!;
          const regionId = pick(rnd, regions);
          const deadline = addDays(today, int(rnd, -60, 240));
          const budgetWan = int(rnd, 1, 400) * 5;
          const part: PublicPart =
            kind === 'tech'
              ? techPart(rnd, domain, regionId, deadline, budgetWan)
              : transferPart(rnd, domain, regionId, deadline, budgetWan);
          const poster = kind === 'tech' ? pick(rnd, byRegion.get(regionId)!) : null;
          const publishedAt = new Date(nowMs - Math.floor(rnd() * 730 * 86_400_000)).toISOString();
          rows.push({
            kind,
            state: 'published',
            poster_user_id: poster ? poster.id : pick(rnd, postdocIds),
            unit_id: poster ? poster.unit_id : null,
            region_id: regionId,
            domain,
            title: part.title,
            budget_wan: budgetWan,
            deadline,
            public_json: JSON.stringify(part),
            confidential_json: JSON.stringify({
              details: '',
              contact: { name: `${pick(rnd, W.NAMES)}工`, phone: '023-61234567', email: '' },
              attachmentIds: [],
            }),
            commitment_json: JSON.stringify({
              version: COMMITMENTS[kind].version,
              userId: 0,
              acceptedAt: publishedAt,
            }),
            revision: 1,
            reached_national: 1,
            last_opinion: '同意',
            views: int(rnd, 0, 3000),
            signups: int(rnd, 0, 12),
            matched_at: rnd() < 0.03 ? publishedAt : null,
            created_at: publishedAt,
            updated_at: publishedAt,
            submitted_at: publishedAt,
            published_at: publishedAt,
            closed_at: null,
          });
        }
        await trx.insertInto('challenges').values(rows).execute();
      }
    });
  }

  // The search index, written by the app's own code for each posting (as `transition` does on publish).
  const t0 = performance.now();
  const repo = searchRepo(dialect);
  const { lo, hi } = await db
    .selectFrom('challenges')
    .select((eb) => [eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')])
    .executeTakeFirstOrThrow();
  const ranges: Array<[number, number]> = [];
  for (let a = Number(lo); a <= Number(hi); a += 2000) ranges.push([a, a + 1999]);
  const indexRange = async ([a, b]: [number, number]) => {
    await db.transaction().execute(async (trx) => {
      const chunk = await trx
        .selectFrom('challenges')
        .select(['id', 'title', 'public_json'])
        .where('id', '>=', a)
        .where('id', '<=', b)
        .execute();
      for (const c of chunk)
        await repo.index(trx, c.id, c.title, publicBody(JSON.parse(c.public_json) as PublicPart));
    });
  };
  // SQLite has one writer; PostgreSQL takes a few transactions at once (the pool has ten connections).
  const workers = dialect === 'postgres' ? 4 : 1;
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < ranges.length) await indexRange(ranges[next++]!);
    }),
  );
  const indexMs = performance.now() - t0;
  return {
    needs: n,
    units: unitRows.length,
    postdocs: postdocIds.length,
    districts: regions.length,
    sampleRegionId: regions[4 % regions.length]!,
    indexMs,
  };
}
