import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { verifyAuditChain, type ChainReport } from '../../core/audit.js';
import type { Storage } from '../../core/storage.js';
import type { DbHandle } from '../../db/index.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { publicBody, type PublicPart } from '../../../shared/challenges/form.js';
import { searchRepo } from '../../modules/challenges/search.js';
import { FORMAT, readManifest, readTable, type Manifest } from './backup.js';
import { backupTables, eachPage, tableHasher } from './tables.js';

export class RestoreError extends Error {}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  mismatches: string[];
  chain: ChainReport;
}

/**
 * Restores a backup into a freshly migrated database with no accounts (what the migrations seed — districts,
 * templates, dictionary — is replaced by the backup's rows), in one transaction, parents before children;
 * then resets PostgreSQL's id sequences, rebuilds the search index, copies the files and the key, and
 * verifies every table's count and hash, every file's hash and the audit chain against the manifest.
 */
export async function restoreBackup(
  handle: DbHandle,
  storage: Storage,
  dataDir: string,
  dir: string,
): Promise<RestoreReport> {
  const manifest = await readManifest(dir);
  if (manifest.format !== FORMAT) throw new RestoreError(`backup format ${manifest.format} is not ${FORMAT}`);
  const known = MIGRATIONS.map((m) => m.name).sort();
  if (!known.includes(manifest.lastMigration) || manifest.lastMigration !== known.at(-1))
    throw new RestoreError(
      `the backup was made at migration ${manifest.lastMigration}; this code is at ${known.at(-1)}: restore with the same version`,
    );
  const { db, dialect } = handle;
  const users = await db.selectFrom('users').select('id').limit(1).execute();
  const audits = await db.selectFrom('audit_log').select('id').limit(1).execute();
  if (users.length || audits.length)
    throw new RestoreError(
      'the target database is not empty (it has accounts or audit records): restore into a new one',
    );
  await copySecretKey(dir, dataDir, manifest);

  const infos = await backupTables(db, dialect);
  const wanted = new Set(manifest.tables.map((t) => t.name));
  const missing = [...wanted].filter((n) => !infos.some((i) => i.name === n));
  if (missing.length) throw new RestoreError(`tables unknown to this database: ${missing.join(', ')}`);
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    for (const info of [...infos].reverse()) await sql`delete from ${sql.table(info.name)}`.execute(trx);
    for (const info of infos) {
      if (!wanted.has(info.name)) continue;
      const data = await readTable(dir, info);
      for (let i = 0; i < data.length; i += 200)
        await trx
          .insertInto(info.name as never)
          .values(data.slice(i, i + 200) as never)
          .execute();
      rows += data.length;
      if (dialect === 'postgres' && info.hasId && data.length)
        await sql`select setval(pg_get_serial_sequence(${info.name}, 'id'), (select max(id) from ${sql.table(info.name)}))`.execute(
          trx,
        );
    }
    const repo = searchRepo(dialect);
    for (const id of manifest.indexedChallenges) {
      const c = await trx
        .selectFrom('challenges')
        .select(['title', 'public_json'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (c) await repo.index(trx, id, c.title, publicBody(JSON.parse(c.public_json) as PublicPart));
    }
  });
  for (const f of manifest.files) await storage.put(f.key, await fs.readFile(path.join(dir, 'files', f.key)));
  return {
    tables: infos.length,
    rows,
    files: manifest.files.length,
    ...(await verifyRestore(handle, storage, manifest)),
  };
}

async function copySecretKey(dir: string, dataDir: string, manifest: Manifest): Promise<void> {
  if (!manifest.hasSecretKey) return;
  const source = await fs.readFile(path.join(dir, 'secret.key'));
  const target = path.join(dataDir, 'secret.key');
  const existing = await fs.readFile(target).catch(() => null);
  if (existing && !existing.equals(source))
    throw new RestoreError(
      `${target} holds another key: move it away first (the backup's encrypted fields need its own)`,
    );
  await fs.mkdir(dataDir, { recursive: true });
  if (!existing) await fs.writeFile(target, source, { mode: 0o600 });
}

/** Every table's count and hash, every file's hash, and the audit chain, against the manifest. */
export async function verifyRestore(
  handle: DbHandle,
  storage: Storage,
  manifest: Manifest,
): Promise<{ mismatches: string[]; chain: ChainReport }> {
  const mismatches: string[] = [];
  const infos = await backupTables(handle.db, handle.dialect);
  for (const t of manifest.tables) {
    const info = infos.find((i) => i.name === t.name);
    if (!info) {
      mismatches.push(`table ${t.name}: missing`);
      continue;
    }
    const h = tableHasher();
    await eachPage(handle.db, info, async (page) => page.forEach((r) => h.add(JSON.stringify(r))));
    const got = h.done();
    if (got.rows !== t.rows || got.sha256 !== t.sha256)
      mismatches.push(
        `table ${t.name}: ${got.rows} rows (backup ${t.rows}), ${got.sha256 === t.sha256 ? 'same' : 'different'} content`,
      );
  }
  for (const f of manifest.files) {
    const bytes = await storage.get(f.key).catch(() => null);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== f.sha256)
      mismatches.push(`file ${f.key}: ${bytes ? 'different' : 'missing'}`);
  }
  const chain = await verifyAuditChain(handle.db);
  if (!chain.ok) mismatches.push(`audit chain: ${chain.reason} at record ${chain.brokenAt}`);
  return { mismatches, chain };
}
