import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../core/config.js';
import { DiskStorage } from '../../core/storage.js';
import { openDatabase, type DbHandle } from '../../db/index.js';
import { migrateToLatest } from '../../db/migrations/index.js';
import { ApiClient } from '../../test/client.js';
import { openIsolatedDatabase, testDialect, type TestDatabase } from '../../test/database.js';
import { individualRegistration, TEST_PASSWORD } from '../../test/factories.js';
import { randomIp, startTestApp, type TestApp } from '../../test/harness.js';
import { PDF_BYTES, upload } from '../../modules/stations/test-kit.js';
import { takingCast } from '../../modules/taking/test-kit.js';
import { createBackup, type Manifest } from './backup.js';
import { RestoreError, restoreBackup } from './restore.js';
import { backupTables, eachPage, type Row } from './tables.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
}, 60_000);

const tmp = async (p: string) => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), p));
  cleanups.push(() => fs.rm(d, { recursive: true, force: true }));
  return d;
};

async function fresh(): Promise<{ dataDir: string; db: TestDatabase }> {
  const dataDir = await tmp('bohou-restore-');
  const db = await openIsolatedDatabase(dataDir);
  cleanups.push(() => db.close());
  return { dataDir, db };
}

async function dumpAll(h: DbHandle): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const info of await backupTables(h.db, h.dialect)) {
    out[info.name] = [];
    await eachPage(h.db, info, async (rows) => void out[info.name]!.push(...rows));
  }
  return out;
}

let source: TestApp;
let cast: Awaited<ReturnType<typeof takingCast>>;
let out: string;
let manifest: Manifest;
let fileId: number;

beforeAll(async () => {
  source = await startTestApp({ isolated: true });
  cleanups.push(() => source.close());
  cast = await takingCast(source);
  const up = await upload(cast.unit.client, PDF_BYTES, { filename: '营业执照.pdf' });
  fileId = up.body.id;
  out = await tmp('bohou-backup-');
  manifest = await createBackup(source.handle, source.app.deps.storage, source.dataDir, out);
}, 60_000);

describe('backup and restore', () => {
  it('writes a manifest of every table, the files and the key', async () => {
    expect(manifest.engine).toBe(testDialect());
    expect(manifest.tables.find((t) => t.name === 'users')?.rows).toBeGreaterThan(3);
    expect(manifest.tables.map((t) => t.name)).not.toContain('sessions');
    expect(manifest.files.length).toBeGreaterThan(0);
    expect(manifest.indexedChallenges).toEqual(expect.arrayContaining([cast.tech.id, cast.transfer.id]));
    expect(manifest.hasSecretKey).toBe(true);
    // Parents before children: units before users, challenges before signups.
    const names = manifest.tables.map((t) => t.name);
    expect(names.indexOf('units')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('challenges')).toBeLessThan(names.indexOf('signups'));
  });

  it('restores into a new database: every row and file equal, the chain verifies, the app works on it', async () => {
    const target = await fresh();
    const storage = new DiskStorage(path.join(target.dataDir, 'files'));
    const report = await restoreBackup(target.db.handle, storage, target.dataDir, out);
    console.log(
      `restore: ${report.rows} rows, ${report.tables} tables, ${report.files} files, chain ${report.chain.checked} records`,
    );
    expect(report.mismatches).toEqual([]);
    expect(report.chain.ok).toBe(true);
    expect(await dumpAll(target.db.handle)).toEqual(await dumpAll(source.handle));
    expect(await fs.readFile(path.join(target.dataDir, 'secret.key'))).toEqual(
      await fs.readFile(path.join(source.dataDir, 'secret.key')),
    );

    const config = loadConfig({
      DATA_DIR: target.dataDir,
      LOG_LEVEL: 'silent',
      TRUST_PROXY: '1',
      DATABASE_URL: target.db.url,
    });
    const app = await buildApp({ config, database: target.db.handle, loginLimitPerMinute: 100_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => app.close());
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const c = new ApiClient(url, randomIp());
    expect(
      (await c.post('/api/auth/login', { username: cast.unit.user.username, password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    expect((await c.get(`/api/files/${fileId}`)).status).toBe(200);
    const hall = await c.get<{ items: Array<{ id: number }> }>(
      `/api/hall/challenges?q=${encodeURIComponent('锂电池正极材料')}`,
    );
    expect(hall.body.items.map((i) => i.id)).toContain(cast.tech.id);
    // New rows get fresh ids after the restored ones (sequences reset).
    const reg = await new ApiClient(url, randomIp()).post(
      '/api/accounts/register/individual',
      individualRegistration(),
    );
    expect(reg.status).toBe(201);
  }, 60_000);

  it('refuses a database that has accounts, changing nothing', async () => {
    const target = await fresh();
    const storage = new DiskStorage(path.join(target.dataDir, 'files'));
    await restoreBackup(target.db.handle, storage, target.dataDir, out);
    const before = await dumpAll(target.db.handle);
    await expect(restoreBackup(target.db.handle, storage, target.dataDir, out)).rejects.toThrow(RestoreError);
    expect(await dumpAll(target.db.handle)).toEqual(before);
  });

  it('reports a backup changed after it was made', async () => {
    const tampered = await tmp('bohou-tampered-');
    await fs.cp(out, tampered, { recursive: true });
    const file = path.join(tampered, 'tables', 'regions.jsonl.gz');
    const lines = gunzipSync(await fs.readFile(file))
      .toString('utf8')
      .split('\n');
    lines[0] = lines[0]!.replace(/"name":"[^"]*"/, '"name":"篡改区"');
    await fs.writeFile(file, gzipSync(lines.join('\n')));
    const target = await fresh();
    const report = await restoreBackup(
      target.db.handle,
      new DiskStorage(path.join(target.dataDir, 'files')),
      target.dataDir,
      tampered,
    );
    expect(report.mismatches).toEqual([expect.stringMatching(/^table regions: .*different content/)]);
  });

  it.skipIf(testDialect() !== 'postgres')(
    'restores a PostgreSQL backup into SQLite, equal row for row',
    async () => {
      const dataDir = await tmp('bohou-cross-');
      const handle = openDatabase({ dataDir });
      cleanups.push(() => handle.close());
      await migrateToLatest(handle.db, handle.dialect);
      const report = await restoreBackup(handle, new DiskStorage(path.join(dataDir, 'files')), dataDir, out);
      expect(report.mismatches).toEqual([]);
      expect(await dumpAll(handle)).toEqual(await dumpAll(source.handle));
    },
    60_000,
  );
});
