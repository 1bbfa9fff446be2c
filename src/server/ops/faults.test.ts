import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../core/audit.js';
import { DiskStorage, TEMP_MARK } from '../core/storage.js';
import { sweepOrphanFiles } from '../modules/files/sweep.js';
import { PDF_BYTES, upload } from '../modules/stations/test-kit.js';
import { ApiClient } from '../test/client.js';
import { openIsolatedDatabase, type TestDatabase } from '../test/database.js';
import { buildUser, individualRegistration, TEST_PASSWORD } from '../test/factories.js';
import { randomIp } from '../test/harness.js';
import { startNode, type NodeProcess } from '../test/node-process.js';

/**
 * Issue #9 faults: the app process killed with SIGKILL in the middle of a write load, then started again.
 * Whatever it acknowledged is there; no record is half written (the audit chain verifies); every file
 * row has its whole file; what the crash left in storage without a row is swept.
 */
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
}, 60_000);

interface Acked {
  usernames: string[];
  fileIds: number[];
}

/** Registrations and uploads from `n` concurrent callers until `stop()`; records what was acknowledged. */
function writeLoad(node: NodeProcess, uploader: { username: string; password: string }, n: number) {
  const acked: Acked = { usernames: [], fileIds: [] };
  let running = true;
  const loops = Array.from({ length: n }, async (_, i) => {
    const c = new ApiClient(node.url, randomIp());
    if (i % 2 === 1) await c.post('/api/auth/login', uploader).catch(() => undefined);
    while (running) {
      try {
        if (i % 2 === 0) {
          const body = individualRegistration();
          const res = await c.post('/api/accounts/register/individual', body);
          if (res.status === 201) acked.usernames.push(body.username);
        } else {
          const res = await upload(
            c,
            Buffer.concat([PDF_BYTES, Buffer.from(`% ${Date.now()} ${Math.random()}\n`)]),
          );
          if (res.status === 201) acked.fileIds.push(res.body.id);
        }
      } catch {
        // The process is gone: connection refused or reset. Only acknowledged writes count.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    acked,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('kill -9 under write load, then restart', () => {
  let database: TestDatabase;
  let dataDir: string;

  it('keeps every acknowledged write, leaves no half record or file, and sweeps the crash’s leftovers', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-kill-'));
    database = await openIsolatedDatabase(dataDir);
    cleanups.push(async () => {
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    });
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: database.url ?? '',
      TRUST_PROXY: '1',
      LOGIN_LIMIT_PER_MINUTE: '100000',
    };
    const uploader = await buildUser(database.handle.db, 'unit');
    const first = await startNode(env);
    const load = writeLoad(first, { username: uploader.username, password: TEST_PASSWORD }, 8);
    // Let the load run until a fair number of writes were acknowledged, then kill without warning.
    const until = Date.now() + 20_000;
    while (load.acked.usernames.length + load.acked.fileIds.length < 40 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    await first.stop('SIGKILL');
    await load.stop();
    expect(load.acked.usernames.length).toBeGreaterThan(5);
    expect(load.acked.fileIds.length).toBeGreaterThan(5);

    const second = await startNode(env);
    cleanups.push(() => second.stop());
    const db = database.handle.db;
    // Nothing acknowledged is lost.
    const users = await db
      .selectFrom('users')
      .select('username')
      .where('username', 'in', load.acked.usernames)
      .execute();
    expect(users.length).toBe(load.acked.usernames.length);
    const files = await db.selectFrom('files').selectAll().where('owner_user_id', '=', uploader.id).execute();
    expect(files.map((f) => f.id)).toEqual(expect.arrayContaining(load.acked.fileIds));
    // No half-written record: the chain verifies to its head.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    // Every file row has its whole file.
    const storage = new DiskStorage(path.join(dataDir, 'files'));
    for (const f of files) {
      const bytes = await storage.get(f.storage_key);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    // The crash may have left bytes without a row (or an unfinished write): the sweep removes them.
    const swept = await sweepOrphanFiles(db, storage, Date.now() + 24 * 3600_000);
    console.log(
      `kill -9: ${load.acked.usernames.length} registrations and ${load.acked.fileIds.length} uploads acknowledged, ` +
        `all present after restart; ${files.length - load.acked.fileIds.length} more committed unacknowledged; ` +
        `${swept.length} leftover object(s) swept`,
    );
    const referenced = new Set(
      (await db.selectFrom('files').select('storage_key').execute()).map((r) => r.storage_key),
    );
    for await (const o of storage.list()) {
      expect(o.key.includes(TEMP_MARK)).toBe(false);
      if (!o.key.startsWith('mail/')) expect(referenced.has(o.key)).toBe(true);
    }
    // The restarted node serves the accounts made before the crash.
    const c = new ApiClient(second.url, randomIp());
    const last = load.acked.usernames.at(-1)!;
    expect((await c.post('/api/auth/login', { username: last, password: 'Ind@2026-pass' })).status).toBe(200);
  }, 120_000);
});
