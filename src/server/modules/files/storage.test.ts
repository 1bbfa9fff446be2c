import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskStorage, TEMP_MARK, type Storage } from '../../core/storage.js';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { PDF_BYTES, upload } from '../stations/test-kit.js';
import { ORPHAN_GRACE_MS, sweepOrphanFiles } from './sweep.js';

const month = () => new Date().toISOString().slice(0, 7);
const old = async (root: string, key: string) => {
  const t = new Date(Date.now() - ORPHAN_GRACE_MS - 60_000);
  await fs.utimes(path.join(root, key), t, t);
};

describe('disk storage', () => {
  it('writes through a temporary file: no half object under the key, nothing left over', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-store-'));
    const s = new DiskStorage(root);
    await s.put('a/b.pdf', PDF_BYTES);
    expect(await s.get('a/b.pdf')).toEqual(PDF_BYTES);
    const keys: string[] = [];
    for await (const o of s.list()) keys.push(o.key);
    expect(keys).toEqual(['a/b.pdf']);
    await s.delete('a/b.pdf');
    expect(await s.exists('a/b.pdf')).toBe(false);
    await expect(s.put('../escape', 'x')).rejects.toThrow(/escapes root/);
  });
});

describe('orphan files (a crash or a rolled-back transaction between the bytes and the row)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ isolated: true });
  });
  afterAll(async () => t.close());

  it('are removed once older than the grace period; referenced files, fresh writes and mail stay', async () => {
    const root = path.join(t.dataDir, 'files');
    const storage = t.app.deps.storage;
    const { client } = await buildActor(t, 'unit');
    const kept = await upload(client, PDF_BYTES);
    expect(kept.status).toBe(201);
    const keptRow = await t.db
      .selectFrom('files')
      .select('storage_key')
      .where('id', '=', kept.body.id)
      .executeTakeFirstOrThrow();
    await old(root, keptRow.storage_key);
    const orphan = `${month()}/${randomUUID()}`;
    const fresh = `${month()}/${randomUUID()}`;
    const temp = `${month()}/${randomUUID()}${TEMP_MARK}abc123`;
    const agreementOrphan = 'agreements/999999/document-abcdef012345.pdf';
    for (const k of [orphan, fresh, temp, agreementOrphan, 'mail/old.eml', 'other/module.bin'])
      await storage.put(k, 'x');
    for (const k of [orphan, temp, agreementOrphan, 'mail/old.eml', 'other/module.bin']) await old(root, k);

    const removed = await sweepOrphanFiles(t.db, storage);
    expect(removed.sort()).toEqual([agreementOrphan, orphan, temp].sort());
    for (const k of [fresh, 'mail/old.eml', 'other/module.bin', keptRow.storage_key])
      expect(await storage.exists(k)).toBe(true);
    expect((await client.get(`/api/files/${kept.body.id}`)).status).toBe(200);
    expect(await sweepOrphanFiles(t.db, storage)).toEqual([]);
  });
});

describe('a full disk on upload', () => {
  let t: TestApp;
  const full = (inner: Storage): Storage => ({
    put: async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
      });
    },
    get: (k) => inner.get(k),
    exists: (k) => inner.exists(k),
    delete: (k) => inner.delete(k),
    list: () => inner.list(),
  });
  beforeAll(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-full-'));
    t = await startTestApp({ storage: full(new DiskStorage(dir)) });
  });
  afterAll(async () => t.close());

  it('is a clear 507 STORAGE_FULL in the caller’s language; no row, no audit record', async () => {
    const { client, user } = await buildActor(t, 'unit');
    const before = await t.db.selectFrom('files').select('id').where('owner_user_id', '=', user.id).execute();
    const res = await upload(client, PDF_BYTES);
    const body = expectError(res, 507, 'STORAGE_FULL');
    expect(body.error.message).toContain('存储空间已满');
    expect(res.text).not.toMatch(/ENOSPC|no space left/);
    const after = await t.db.selectFrom('files').select('id').where('owner_user_id', '=', user.id).execute();
    expect(after).toEqual(before);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'file.stored')
      .where('actor_id', '=', user.id)
      .execute();
    expect(audits).toEqual([]);
  });
});
