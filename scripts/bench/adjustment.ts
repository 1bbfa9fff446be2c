/**
 * Benchmark of the dynamic adjustment job (seed 000 §四(一)): seeds a fresh database with a registry of
 * `--stations` stations (default 100,000) and their recruitment history, then times `runAdjustment`
 * (the first run, which makes the changes, and a second run, which finds none).
 *
 *   npx tsx scripts/bench/adjustment.ts [--stations=100000] [--runs=3] [--pg]
 *
 * SQLite: a new file in a temporary DATA_DIR, removed afterwards. `--pg`: a new database on the server
 * at TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres), created and dropped here.
 * Each run seeds a fresh database; the median of the runs is printed last.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type DbHandle } from '../../src/server/db/index.js';
import { migrateToLatest } from '../../src/server/db/migrations/index.js';
import { runAdjustment } from '../../src/server/modules/stations/lifecycle/adjustment-job.js';
import {
  createDatabase,
  dropDatabases,
  freshDatabaseName,
  PG_ADMIN_URL,
} from '../../src/server/test/pg-admin.js';
import { todayInChina } from '../../src/shared/roles.js';
import { seedStations } from './seed.js';

export interface AdjustmentBenchOptions {
  stations: number;
  runs: number;
  pg: boolean;
}

export interface AdjustmentRun {
  seedMs: number;
  firstMs: number;
  secondMs: number;
  checked: number;
  toRectification: number;
  toActive: number;
  proposed: number;
  secondChanges: number;
  recruits: number;
}

async function withFreshDatabase<T>(pgMode: boolean, fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-bench-'));
  const name = freshDatabaseName('bohou_bench');
  const url = pgMode ? await createDatabase(PG_ADMIN_URL, name) : undefined;
  const handle = openDatabase({ dataDir, databaseUrl: url });
  try {
    await migrateToLatest(handle.db, handle.dialect);
    return await fn(handle);
  } finally {
    await handle.close();
    if (pgMode) await dropDatabases(PG_ADMIN_URL, name);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function oneRun(o: AdjustmentBenchOptions): Promise<AdjustmentRun> {
  const today = todayInChina();
  return withFreshDatabase(o.pg, async (h) => {
    let t0 = performance.now();
    const seeded = await seedStations(h.db, o.stations, today);
    // Fresh planner statistics, as a database in service has them (autovacuum; SQLite's optimize).
    await sql`ANALYZE`.execute(h.db);
    const seedMs = performance.now() - t0;
    t0 = performance.now();
    const first = await runAdjustment(h.db, h.dialect, today);
    const firstMs = performance.now() - t0;
    t0 = performance.now();
    const second = await runAdjustment(h.db, h.dialect, today);
    const secondMs = performance.now() - t0;
    return {
      seedMs,
      firstMs,
      secondMs,
      checked: first.checked,
      toRectification: first.toRectification.length,
      toActive: first.toActive.length,
      proposed: first.proposed.length,
      secondChanges: second.toRectification.length + second.toActive.length + second.proposed.length,
      recruits: seeded.recruits,
    };
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function benchAdjustment(o: AdjustmentBenchOptions): Promise<AdjustmentRun[]> {
  const engine = o.pg ? `PostgreSQL (${new URL(PG_ADMIN_URL).host})` : 'SQLite';
  console.log(`\n== adjustment: ${o.stations.toLocaleString('en')} stations on ${engine}, ${o.runs} run(s)`);
  console.log(
    `machine: ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const runs: AdjustmentRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    const r = await oneRun(o);
    runs.push(r);
    console.log(
      `run ${i + 1}: seed ${sec(r.seedMs)} (${r.recruits.toLocaleString('en')} recruits) · ` +
        `runAdjustment ${sec(r.firstMs)}: checked ${r.checked}, to rectification ${r.toRectification}, ` +
        `to active ${r.toActive}, proposed ${r.proposed} · second run ${sec(r.secondMs)} ` +
        `(${r.secondChanges} changes) · load ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  console.log(
    `median: runAdjustment ${sec(median(runs.map((r) => r.firstMs)))} (first run), ` +
      `${sec(median(runs.map((r) => r.secondMs)))} (second run)`,
  );
  return runs;
}

export function parseArgs(argv: string[]): AdjustmentBenchOptions {
  const get = (name: string): string | undefined =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const stations = Number(get('stations') ?? 100_000);
  const runs = Number(get('runs') ?? 3);
  if (!Number.isInteger(stations) || stations < 1) throw new Error('--stations must be a positive integer');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  return { stations, runs, pg: argv.includes('--pg') };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  await benchAdjustment(parseArgs(process.argv.slice(2)));
}
