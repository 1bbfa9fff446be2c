import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Storage } from '../../core/storage.js';
import { TEMP_MARK } from '../../core/storage.js';
import type { DbHandle, DbOrTrx } from '../../db/index.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { backupTables, eachPage, tableHasher, type Row, type TableInfo } from './tables.js';

/*
 * Backup (issue #9): one directory holding a consistent snapshot of the database as engine-independent JSON
 * lines (gzip), the file store, the field-encryption key and a manifest of counts and SHA-256 hashes. A backup
 * made on SQLite restores into PostgreSQL and back (restore.ts). It holds secret.key: keep it as safe as the
 * database itself.
 */
export const FORMAT = 1;

export interface Manifest {
  format: number;
  createdAt: string;
  engine: string;
  lastMigration: string;
  tables: Array<{ name: string; rows: number; sha256: string }>;
  files: Array<{ key: string; size: number; sha256: string }>;
  /** Postings in the search index at backup time (re-indexed on restore). */
  indexedChallenges: number[];
  hasSecretKey: boolean;
}

const tableFile = (dir: string, name: string) => path.join(dir, 'tables', `${name}.jsonl.gz`);

async function indexedIds(db: DbOrTrx, engine: string): Promise<number[]> {
  const q =
    engine === 'postgres'
      ? sql<{ id: number }>`select id from challenges where tsv is not null order by id`
      : sql<{ id: number }>`select rowid as id from challenges_fts order by rowid`;
  return (await q.execute(db)).rows.map((r) => Number(r.id));
}

/** Reads every table in one snapshot: a read-only repeatable-read transaction (PostgreSQL) or one transaction (SQLite). */
async function snapshot<T>(handle: DbHandle, fn: (db: DbOrTrx) => Promise<T>): Promise<T> {
  return handle.db.transaction().execute(async (trx) => {
    if (handle.dialect === 'postgres')
      await sql`set transaction isolation level repeatable read, read only`.execute(trx);
    return fn(trx);
  });
}

export async function createBackup(
  handle: DbHandle,
  storage: Storage,
  dataDir: string,
  outDir: string,
): Promise<Manifest> {
  await fs.mkdir(path.join(outDir, 'tables'), { recursive: true });
  const { tables, indexed } = await snapshot(handle, async (db) => {
    const infos = await backupTables(db, handle.dialect);
    const out: Manifest['tables'] = [];
    for (const info of infos) {
      const hasher = tableHasher();
      const lines: string[] = [];
      await eachPage(db, info, async (rows) => {
        for (const r of rows) {
          const line = JSON.stringify(r);
          hasher.add(line);
          lines.push(line);
        }
      });
      await fs.writeFile(tableFile(outDir, info.name), gzipSync(lines.join('\n')));
      out.push({ name: info.name, ...hasher.done() });
    }
    return { tables: out, indexed: await indexedIds(db, handle.dialect) };
  });
  const files: Manifest['files'] = [];
  for await (const o of storage.list()) {
    if (o.key.includes(TEMP_MARK)) continue;
    const bytes = await storage.get(o.key);
    const target = path.join(outDir, 'files', o.key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, bytes);
    files.push({ key: o.key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  files.sort((a, b) => a.key.localeCompare(b.key));
  const secret = path.join(dataDir, 'secret.key');
  const hasSecretKey = await fs.stat(secret).then(
    () => true,
    () => false,
  );
  if (hasSecretKey) await fs.copyFile(secret, path.join(outDir, 'secret.key'));
  const manifest: Manifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    engine: handle.dialect,
    lastMigration: MIGRATIONS.map((m) => m.name)
      .sort()
      .at(-1)!,
    tables,
    files,
    indexedChallenges: indexed,
    hasSecretKey,
  };
  await fs.writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

export async function readTable(dir: string, info: Pick<TableInfo, 'name'>): Promise<Row[]> {
  const text = gunzipSync(await fs.readFile(tableFile(dir, info.name))).toString('utf8');
  return text ? text.split('\n').map((l) => JSON.parse(l) as Row) : [];
}
