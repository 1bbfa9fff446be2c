/**
 * Benchmark of the public hall (issue #5): seeds `--needs` published needs (default 100,000), starts
 * the real app and a bare Fastify route answering with the same JSON, and loads both with autocannon
 * (`--connections`, default 50): the hall list (default sort), a filtered list (domain + district +
 * kind), a deep page (~200 pages down the keyset cursor) and keyword search (a rotation of 1-, 2- and
 * multi-character Chinese queries). Targets: list ≥ 60 % and search ≥ 30 % of the bare route's req/s,
 * p99 < 50 ms. On SQLite and PostgreSQL in one run unless `--engine=` picks one.
 *
 *   npx tsx scripts/bench/hall.ts [--needs=100000] [--runs=3] [--duration=8] [--warmup=2]
 *                                 [--connections=50] [--engine=sqlite|postgres|both]
 *
 * SQLite: a new file in a temporary DATA_DIR. PostgreSQL: a new database on the server at TEST_PG_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), created and dropped here.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/index.js';
import { migrateToLatest } from '../../src/server/db/migrations/index.js';
import {
  createDatabase,
  dropDatabases,
  freshDatabaseName,
  PG_ADMIN_URL,
} from '../../src/server/test/pg-admin.js';
import { measure, printTable, type CaseResult, type LoadOptions } from './hall-load.js';
import { seedHall } from './hall-seed.js';
import type { ServerReady } from './hall-server.js';

export type Engine = 'sqlite' | 'postgres';

export interface HallBenchOptions extends LoadOptions {
  needs: number;
  runs: number;
  engines: Engine[];
  /** How many pages down the keyset cursor the deep page lies. */
  depth: number;
  /** Seconds a single request may take before its case is reported as too slow and not loaded. */
  slow: number;
}

/** 1-, 2- and multi-character queries, and one of two terms; each connection walks them in turn. */
export const SEARCH_QUERIES = ['电', '茶', '柑橘', '检测', '锂电池正极材料', '智能制造产线', '石墨烯 工艺'];

const HALL = '/api/hall/challenges';

interface Servers {
  app: string;
  bare: string;
  child: ChildProcess;
  setFixtures(f: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
  /** Ends the servers at once (a request that never ends must not hold up the rest). */
  kill(): Promise<void>;
}

function startServers(dataDir: string, url: string | undefined): Promise<Servers> {
  const child = fork(path.join(import.meta.dirname, 'hall-server.ts'), url ? [dataDir, url] : [dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: string) =>
    new Promise<unknown>((resolve, reject) => {
      const onMsg = (m: { type?: string }) => {
        if (m.type !== type) return;
        child.off('message', onMsg);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => reject(new Error(`bench server exited (${code})`));
      child.on('message', onMsg);
      child.once('exit', onExit);
    });
  return next('ready').then((m) => {
    const r = m as ServerReady;
    return {
      app: `http://127.0.0.1:${r.appPort}`,
      bare: `http://127.0.0.1:${r.barePort}`,
      child,
      async setFixtures(fixtures) {
        const done = next('fixtures-set');
        child.send({ type: 'fixtures', fixtures });
        await done;
      },
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.send({ type: 'stop' });
        }),
      kill: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    };
  });
}

interface HallPage {
  items: Array<{ id: number }>;
  total: number;
  nextCursor: string | null;
}

/**
 * Waits until the app answers /api/health quickly again: requests still queued when a measurement
 * ends (a slow case) must not spill into the next one.
 */
async function settle(app: string): Promise<void> {
  const until = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < until) {
    const t0 = performance.now();
    await fetch(`${app}/api/health`).then((r) => r.arrayBuffer());
    quick = performance.now() - t0 < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function getJson(url: string, timeoutMs = 60_000): Promise<HallPage> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as HallPage;
}

interface BenchCase {
  name: string;
  target: number;
  paths: string[];
  /** Why the case was not loaded (a single request took longer than --slow seconds). */
  skipped?: string;
}

/** The cases' URLs; the deep page is found by following the cursor `depth` pages down. */
async function buildCases(app: string, regionId: number, depth: number, slow: number): Promise<BenchCase[]> {
  const filtered = `${HALL}?domain=new_energy&regionId=${regionId}&kind=tech`;
  let deep = HALL;
  for (let i = 0; i < depth; i++) {
    const page = await getJson(app + deep, slow * 1000);
    if (!page.nextCursor) break;
    deep = `${HALL}?cursor=${encodeURIComponent(page.nextCursor)}`;
  }
  return [
    { name: 'hall list', target: 0.6, paths: [HALL] },
    { name: 'filtered list', target: 0.6, paths: [filtered] },
    { name: `deep page (${depth})`, target: 0.6, paths: [deep] },
    {
      name: 'keyword search',
      target: 0.3,
      paths: SEARCH_QUERIES.map((q) => `${HALL}?q=${encodeURIComponent(q)}`),
    },
  ];
}

async function benchEngine(engine: Engine, o: HallBenchOptions): Promise<CaseResult[]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-bench-hall-'));
  const name = freshDatabaseName('bohou_bench_hall');
  const url =
    engine === 'postgres'
      ? await createDatabase(PG_ADMIN_URL, name).catch((err: unknown) => {
          throw new Error(
            `no PostgreSQL at ${PG_ADMIN_URL} (set TEST_PG_URL, run under scripts/with-postgres.ts, ` +
              `or pass --engine=sqlite)`,
            { cause: err },
          );
        })
      : undefined;
  let servers: Servers | undefined;
  try {
    const handle = openDatabase({ dataDir, databaseUrl: url });
    let regionId = 0;
    let t0 = performance.now();
    try {
      await migrateToLatest(handle.db, handle.dialect);
      const seeded = await seedHall(handle.db, handle.dialect, o.needs);
      regionId = seeded.sampleRegionId;
      // Fresh planner statistics and visibility map, as a database in service has them (autovacuum;
      // SQLite's optimize).
      await sql.raw(engine === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(handle.db);
      console.log(
        `seeded ${seeded.needs.toLocaleString('en')} needs (${seeded.districts} districts, ` +
          `${seeded.units} units, ${seeded.postdocs} postdocs) in ${((performance.now() - t0) / 1000).toFixed(1)} s, ` +
          `search index ${(seeded.indexMs / 1000).toFixed(1)} s`,
      );
    } finally {
      await handle.close();
    }
    t0 = performance.now();
    servers = await startServers(dataDir, url);
    const cases = await buildCases(servers.app, regionId, o.depth, o.slow);
    // One request per URL: the real response (the bare route's fixture) and its time on its own.
    const fixtures: Record<string, unknown> = {};
    const barePaths = new Map<string, string[]>();
    for (const [ci, c] of cases.entries()) {
      const keys: string[] = [];
      for (const [pi, p] of c.paths.entries()) {
        const key = `c${ci}p${pi}`;
        const what = c.paths.length > 1 ? `q=${decodeURIComponent(p.split('q=')[1]!)}` : c.name;
        const t1 = performance.now();
        const body = await getJson(servers.app + p, o.slow * 1000).catch((err: unknown) => {
          if (err instanceof Error && err.name === 'TimeoutError') return null;
          throw err;
        });
        if (!body) {
          c.skipped = `${what}: no answer within ${o.slow} s`;
          console.log(`  ${c.skipped}; not loaded, servers restarted`);
          await servers.kill();
          servers = await startServers(dataDir, url);
          break;
        }
        const ms = performance.now() - t1;
        console.log(
          `  ${what}: ${body.total} rows, ${body.items.length} on the page, ${ms.toFixed(0)} ms alone`,
        );
        fixtures[key] = body;
        keys.push(`/bare/${key}`);
      }
      barePaths.set(c.name, keys);
    }
    await servers.setFixtures(fixtures);

    const results: CaseResult[] = cases.map((c) => ({
      name: c.name,
      target: c.target,
      real: [],
      bare: [],
      skipped: c.skipped,
    }));
    for (let run = 0; run < o.runs; run++) {
      for (const [i, c] of cases.entries()) {
        if (c.skipped) continue;
        const app = servers.app;
        const real = await measure(app, c.paths, o, () => settle(app));
        await settle(servers.app);
        const bare = await measure(servers.bare, barePaths.get(c.name)!, o);
        results[i]!.real.push(real);
        results[i]!.bare.push(bare);
        console.log(
          `  run ${run + 1} ${c.name}: ${real.rps.toFixed(0)} req/s p99 ${real.p99} ms ` +
            `(bare ${bare.rps.toFixed(0)} req/s p99 ${bare.p99} ms) · load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
    return results;
  } finally {
    if (servers) await servers.stop();
    if (url) await dropDatabases(PG_ADMIN_URL, name);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchHall(o: HallBenchOptions): Promise<void> {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `\n== hall: ${o.needs.toLocaleString('en')} published needs, ${o.connections} connections, ` +
      `${o.duration} s per case (+${o.warmup} s warm-up), ${o.runs} run(s), on ${o.engines.join(' and ')}`,
  );
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${load()}, ${new Date().toISOString()}`,
  );
  const tables: Array<[string, CaseResult[]]> = [];
  for (const engine of o.engines) {
    const label = engine === 'postgres' ? `PostgreSQL (${new URL(PG_ADMIN_URL).host})` : 'SQLite';
    console.log(`\n-- ${label}`);
    tables.push([label, await benchEngine(engine, o)]);
  }
  for (const [label, cases] of tables) printTable(label, cases);
  console.log(`load average at the end ${load()}`);
}

export function parseHallArgs(argv: string[]): HallBenchOptions {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, dflt: number, min: number): number => {
    const v = Number(get(name) ?? dflt);
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return v;
  };
  const engine = get('engine') ?? 'both';
  if (!['sqlite', 'postgres', 'both'].includes(engine))
    throw new Error('--engine must be sqlite, postgres or both');
  return {
    needs: num('needs', 100_000, 1),
    runs: num('runs', 3, 1),
    duration: num('duration', 8, 1),
    warmup: num('warmup', 2, 0),
    connections: num('connections', 50, 1),
    depth: num('depth', 200, 1),
    slow: num('slow', 10, 1),
    engines: engine === 'both' ? ['sqlite', 'postgres'] : [engine as Engine],
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  await benchHall(parseHallArgs(process.argv.slice(2)));
}
