/**
 * `npm run eval:search`: recall@10 of the hall search on the labelled set (needs.json, queries.json)
 * against plain jieba matching, on a fresh SQLite database, and on a fresh PostgreSQL database as well
 * when DATABASE_URL is set (a database `bohou_eval_…` is created next to it and dropped afterwards).
 * `--verbose` prints every query's top 10.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DbHandle } from '../../../db/index.js';
import { migrateToLatest } from '../../../db/migrations/index.js';
import { createDatabase, dropDatabases, freshDatabaseName } from '../../../test/pg-admin.js';
import {
  labelledSet,
  loadNeeds,
  macroRecall,
  recallByType,
  runHall,
  runLiteral,
  runPlainJieba,
  type QueryResult,
} from './quality.js';

const verbose = process.argv.includes('--verbose');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function report(name: string, rs: QueryResult[]): void {
  const byType = Object.entries(recallByType(rs))
    .map(([t, r]) => `${t} ${pct(r)}`)
    .join(', ');
  console.log(`\n${name}: recall@10 ${pct(macroRecall(rs))} (${byType})`);
  for (const r of rs) {
    if (r.recall < 1) console.log(`  ${r.q} [${r.type}] ${pct(r.recall)} missed ${r.missed.join(' ')}`);
    if (verbose) console.log(`    top: ${r.top.join(' ')}`);
  }
}

async function evaluate(handle: DbHandle, label: string): Promise<void> {
  const { needs, queries } = labelledSet();
  await migrateToLatest(handle.db, handle.dialect);
  const ids = await loadNeeds(handle.db, handle.dialect, needs);
  console.log(`\n== ${label}: ${needs.length} needs, ${queries.length} queries ==`);
  report('exact substring (the whole query, title hits first)', runLiteral(needs, queries));
  report('plain jieba (cut, all query tokens, ranked by token hits)', runPlainJieba(needs, queries));
  const seeded = await handle.db.selectFrom('challenge_terms').selectAll().execute();
  await handle.db.deleteFrom('challenge_terms').execute();
  report('hall search, empty dictionary', await runHall(handle.db, handle.dialect, ids, queries));
  await handle.db.insertInto('challenge_terms').values(seeded).execute();
  report('hall search, seed dictionary', await runHall(handle.db, handle.dialect, ids, queries));
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-eval-'));
const sqlite = openDatabase({ dataDir: dir });
try {
  await evaluate(sqlite, 'SQLite');
} finally {
  await sqlite.close();
  await fs.rm(dir, { recursive: true, force: true });
}

const admin = process.env.DATABASE_URL;
if (admin) {
  const name = freshDatabaseName('bohou_eval');
  const pg = openDatabase({ dataDir: dir, databaseUrl: await createDatabase(admin, name) });
  try {
    await evaluate(pg, 'PostgreSQL');
  } finally {
    await pg.close();
    await dropDatabases(admin, name);
  }
}
