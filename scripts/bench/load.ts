/**
 * Mixed load (issue #9, `npm run bench:load`): on a seeded database (100,000 needs, 10,000 units, 50,000
 * accounts) the real app in its own process serves at once: hall browsing (filters, sorts), hall search,
 * logins (real scrypt), autosaves of station application forms (compare-and-set on the revision) and office
 * decisions (核实 / 存疑 of postings, compare-and-set, audited, notifying). Reports req/s, p50/p99 and errors per
 * endpoint class, on SQLite and PostgreSQL. Bounded: `--duration` seconds measured after `--warmup`.
 *
 *   npx tsx scripts/bench/load.ts [--engine=sqlite|postgres|both] [--needs=100000] [--units=10000]
 *                                 [--users=50000] [--duration=20] [--warmup=3]
 */
import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { nowIso, openDatabase, type Db } from '../../src/server/db/index.js';
import { migrateToLatest } from '../../src/server/db/migrations/index.js';
import {
  createDatabase,
  dropDatabases,
  freshDatabaseName,
  PG_ADMIN_URL,
} from '../../src/server/test/pg-admin.js';
import { DOMAINS } from '../../src/shared/roles.js';
import { SEARCH_QUERIES, type Engine } from './hall.js';
import { seedHall } from './hall-seed.js';
import { LOAD_PASSWORD, seedPopulation } from './load-seed.js';

export interface LoadBenchOptions {
  engines: Engine[];
  needs: number;
  units: number;
  users: number;
  duration: number;
  warmup: number;
}

export function parseLoadArgs(argv: string[]): LoadBenchOptions {
  const get = (k: string, d: number) => Number(argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  const engine = argv.find((a) => a.startsWith('--engine='))?.split('=')[1] ?? 'both';
  return {
    engines: engine === 'both' ? ['sqlite', 'postgres'] : [engine as Engine],
    needs: get('needs', 100_000),
    units: get('units', 10_000),
    users: get('users', 50_000),
    duration: get('duration', 20),
    warmup: get('warmup', 3),
  };
}

const CSRF = 'load-benchmark-csrf-cookie-000000000000';
let ipSeq = 0;
const nextIp = () => `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`;

interface Session {
  cookie: string;
  ip: string;
}

async function call(base: string, method: string, p: string, s: Session | null, body?: unknown) {
  const headers: Record<string, string> = {
    'x-forwarded-for': s?.ip ?? nextIp(),
    cookie: `bohou_csrf=${CSRF}${s ? `; ${s.cookie}` : ''}`,
    'x-csrf-token': CSRF,
    'accept-language': 'zh-CN',
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + p, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, setCookie: res.headers.getSetCookie() };
}

async function login(base: string, username: string): Promise<Session> {
  const ip = nextIp();
  const r = await call(
    base,
    'POST',
    '/api/auth/login',
    { cookie: '', ip },
    { username, password: LOAD_PASSWORD },
  );
  const sid = r.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('bohou_sid='));
  if (r.status !== 200 || !sid) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  return { cookie: sid, ip };
}

type Step = () => Promise<number>;
interface Klass {
  name: string;
  workers: number;
  /** One worker's next request; returns the HTTP status. */
  make(worker: number): Promise<Step>;
  ok(status: number): boolean;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0;

/** Every worker's step, made once (logins, applications) and used for the warm-up and the measurement. */
async function prepare(classes: Klass[]): Promise<Step[][]> {
  return Promise.all(classes.map((k) => Promise.all(Array.from({ length: k.workers }, (_, w) => k.make(w)))));
}

async function run(classes: Klass[], steps: Step[][], seconds: number): Promise<Result[]> {
  const until = performance.now() + seconds * 1000;
  const lat = classes.map(() => [] as number[]);
  const errors = classes.map(() => 0);
  await Promise.all(
    classes.flatMap((k, ki) =>
      steps[ki]!.map(async (step) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const status = await step().catch((err: unknown) => {
            if (process.env.LOAD_DEBUG) console.error(k.name, err);
            return 0;
          });
          lat[ki]!.push(performance.now() - t0);
          if (!k.ok(status)) errors[ki]! += 1;
          // A caller that failed without reaching the server must not spin and starve the others.
          if (status === 0) await new Promise((r) => setTimeout(r, 10));
        }
      }),
    ),
  );
  return classes.map((k, ki) => {
    const xs = lat[ki]!.sort((a, b) => a - b);
    return {
      name: k.name,
      rps: xs.length / seconds,
      p50: pct(xs, 50),
      p99: pct(xs, 99),
      errors: errors[ki]!,
      requests: xs.length,
    };
  });
}

/** Office decisions need officers and postings of their district: made directly, like the seed. */
async function deciders(db: Db, n: number): Promise<Array<{ username: string; challengeId: number }>> {
  const hash = (
    await db
      .selectFrom('users')
      .select('password_hash')
      .where('username', 'like', 'bench_load_i%')
      .executeTakeFirstOrThrow()
  ).password_hash;
  const out = [];
  const picks = await db
    .selectFrom('challenges')
    .select(['id', 'region_id'])
    .where('state', '=', 'published')
    .orderBy('id')
    .limit(n * 50)
    .execute();
  const now = nowIso();
  for (let i = 0; i < n; i++) {
    const c = picks[(i * 37) % picks.length]!;
    const username = `bench_load_d${i}`;
    await db
      .insertInto('users')
      .values({
        username,
        password_hash: hash,
        role: 'district_officer',
        display_name: username,
        region_id: c.region_id,
        unit_id: null,
        email: '',
        phone: '',
        status: 'active',
        must_change_password: 0,
        failed_logins: 0,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    out.push({ username, challengeId: c.id });
  }
  return out;
}

async function classesFor(base: string, db: Db): Promise<Klass[]> {
  const ok2 = (s: number) => s >= 200 && s < 300;
  const savers = (
    await db
      .selectFrom('users')
      .select('username')
      .where('username', 'like', 'bench_load_u%')
      .orderBy('id')
      .limit(8)
      .execute()
  ).map((u) => u.username);
  const offices = await deciders(db, 4);
  const individuals = (
    await db.selectFrom('users').select('id').where('username', 'like', 'bench_load_i%').execute()
  ).length;
  let q = 0;
  return [
    {
      name: 'hall browse',
      workers: 16,
      ok: ok2,
      make: async (w) => {
        let i = w;
        return async () => {
          i++;
          const d = DOMAINS[i % DOMAINS.length]!;
          const qs = i % 3 === 0 ? '' : i % 3 === 1 ? `?domain=${d}` : `?sort=deadline&kind=tech`;
          return (await call(base, 'GET', `/api/hall/challenges${qs}`, null)).status;
        };
      },
    },
    {
      name: 'hall search',
      workers: 8,
      ok: ok2,
      make: async () => async () =>
        (
          await call(
            base,
            'GET',
            `/api/hall/challenges?q=${encodeURIComponent(SEARCH_QUERIES[q++ % SEARCH_QUERIES.length]!)}`,
            null,
          )
        ).status,
    },
    {
      name: 'login',
      workers: 4,
      ok: ok2,
      make: async (w) => {
        let i = w * 9973;
        return async () => {
          i = (i + 7919) % Math.max(1, individuals);
          return (
            await call(base, 'POST', '/api/auth/login', null, {
              username: `bench_load_i${i}`,
              password: LOAD_PASSWORD,
            })
          ).status;
        };
      },
    },
    {
      name: 'form autosave',
      workers: savers.length,
      ok: ok2,
      make: async (w) => {
        const s = await login(base, savers[w]!);
        const created = JSON.parse((await call(base, 'POST', '/api/station-applications', s, {})).text) as {
          id: number;
        };
        const app = JSON.parse(
          (await call(base, 'GET', `/api/station-applications/${created.id}`, s)).text,
        ) as { form: Record<string, unknown>; revision: number };
        let revision = app.revision;
        let n = 0;
        return async () => {
          const form = {
            ...app.form,
            profile: { ...((app.form.profile as object) ?? {}), legalPerson: `法人${n++}` },
          };
          const r = await call(base, 'PUT', `/api/station-applications/${created.id}/form`, s, {
            form,
            revision,
          });
          if (r.status === 200) revision = (JSON.parse(r.text) as { revision: number }).revision;
          else if (process.env.LOAD_DEBUG) console.error(r.status, r.text.slice(0, 300));
          return r.status;
        };
      },
    },
    {
      name: 'office decision',
      workers: offices.length,
      ok: ok2,
      make: async (w) => {
        const o = offices[w]!;
        const s = await login(base, o.username);
        let n = 0;
        return async () => {
          const action = n++ % 2 === 0 ? 'question' : 'verify';
          return (
            await call(base, 'POST', `/api/organiser/verifications/challenge/${o.challengeId}/${action}`, s, {
              note: `负载测试意见 ${n}`,
            })
          ).status;
        };
      },
    },
  ];
}

async function benchEngine(engine: Engine, o: LoadBenchOptions): Promise<Result[]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-load-'));
  const name = freshDatabaseName('bohou_bench_load');
  const url = engine === 'postgres' ? await createDatabase(PG_ADMIN_URL, name) : undefined;
  const handle = openDatabase({ dataDir, databaseUrl: url });
  const child = fork(path.join(import.meta.dirname, 'load-server.ts'), url ? [dataDir, url] : [dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const t0 = performance.now();
    await seedHall(handle.db, handle.dialect, o.needs);
    await seedPopulation(handle.db, o.units, o.users);
    const users = (await handle.db.selectFrom('users').select('id').execute()).length;
    console.log(
      `${engine}: seeded ${o.needs} needs, ${users} accounts in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (c) => reject(new Error(`load server exited ${c}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const classes = await classesFor(base, handle.db);
    const steps = await prepare(classes);
    // Each class alone first: one caller, five requests in a row (the unloaded latency, for reference).
    for (const [ki, k] of classes.entries()) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t1 = performance.now();
        await steps[ki]![0]!();
        times.push(performance.now() - t1);
      }
      console.log(`${engine}: ${k.name} alone: ${times.map((x) => x.toFixed(0)).join(' / ')} ms`);
    }
    if (o.warmup > 0) await run(classes, steps, o.warmup);
    return await run(classes, steps, o.duration);
  } finally {
    child.send({ type: 'stop' });
    await new Promise((r) => child.once('exit', r));
    await handle.close();
    if (url) await dropDatabases(PG_ADMIN_URL, name);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchLoad(o: LoadBenchOptions): Promise<void> {
  for (const engine of o.engines) {
    const results = await benchEngine(engine, o);
    console.log(`\nMixed load on ${engine} (${o.duration} s, 40 concurrent callers; latency in ms)`);
    console.log('| endpoint class | req/s | p50 | p99 | errors | requests |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results)
      console.log(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.requests} |`,
      );
    const total = results.reduce((a, r) => a + r.rps, 0);
    console.log(`| all | ${total.toFixed(0)} | | | ${results.reduce((a, r) => a + r.errors, 0)} | |`);
  }
}
