import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../test/client.js';
import { openIsolatedDatabase, type TestDatabase } from '../test/database.js';
import { buildUser } from '../test/factories.js';
import { randomIp } from '../test/harness.js';
import { startNode, type NodeProcess } from '../test/node-process.js';

/**
 * Issue #9: two app processes on one database (PostgreSQL in the PostgreSQL run; in the SQLite run the
 * same file, which WAL lets several processes share) behave as one platform: a session made on one works
 * on the other, a decision sent to both at once is taken once, every outbox message is carried out once,
 * and a scheduled job runs once per interval, not once per node.
 */
let dataDir: string;
let database: TestDatabase;
let a: NodeProcess;
let b: NodeProcess;
let startedAt: number;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-nodes-'));
  database = await openIsolatedDatabase(dataDir);
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: database.url ?? '',
    TRUST_PROXY: '1',
    LOGIN_LIMIT_PER_MINUTE: '1000',
    JOBS_EVERY_SECONDS: '1',
  };
  startedAt = Date.now();
  // Both start at once: migrations, the crypto-profile binding and the first-start admin race.
  [a, b] = await Promise.all([startNode(env), startNode(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}, 30_000);

/** The value of one counter series in a node's /metrics (a direct local scrape). */
async function counter(node: NodeProcess, series: string): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('two app nodes on one database', () => {
  let adminOnA: ApiClient;

  it('both started; exactly one first-start admin; a session made on A works on B', async () => {
    const admins = await database.handle.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('role', '=', 'sys_admin')
      .execute();
    expect(admins).toHaveLength(1);
    const file = await fs.readFile(path.join(dataDir, 'initial-admin.txt'), 'utf8');
    const password = /password: (\S+)/.exec(file)?.[1] ?? '';
    adminOnA = new ApiClient(a.url, randomIp());
    expect((await adminOnA.post('/api/auth/login', { username: 'sysadmin', password })).status).toBe(200);
    const changed = await adminOnA.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'Two-Nodes#2026',
    });
    expect(changed.status).toBe(200);
    const onB = new ApiClient(b.url, adminOnA.ip);
    for (const [k, v] of adminOnA.jar) onB.jar.set(k, v);
    const session = await onB.get<{ user: { username: string } | null }>('/api/auth/session');
    expect(session.body.user?.username).toBe('sysadmin');
    // Logging out on B ends the session on A too.
    expect((await onB.post('/api/auth/logout')).status).toBe(200);
    expect((await adminOnA.get<{ user: unknown }>('/api/auth/session')).body.user).toBeNull();
    expect(
      (await adminOnA.post('/api/auth/login', { username: 'sysadmin', password: 'Two-Nodes#2026' })).status,
    ).toBe(200);
  });

  it('a decision sent to both nodes at once is taken exactly once (the other gets 409)', async () => {
    const onB = new ApiClient(b.url, adminOnA.ip);
    for (const [k, v] of adminOnA.jar) onB.jar.set(k, v);
    for (let i = 0; i < 12; i++) {
      const target = await buildUser(database.handle.db, 'expert');
      const [ra, rb] = await Promise.all([
        adminOnA.post(`/api/users/${target.id}/disable`),
        onB.post(`/api/users/${target.id}/disable`),
      ]);
      expect([ra.status, rb.status].sort()).toEqual([200, 409]);
      const loser = ra.status === 409 ? ra : rb;
      expect((loser.body as { error: { code: string } }).error.code).toBe('STATE_CONFLICT');
      const audits = await database.handle.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'account.disabled')
        .where('entity_id', '=', String(target.id))
        .execute();
      expect(audits).toHaveLength(1);
    }
  });

  it('every outbox message is carried out once, whichever node claims it', async () => {
    const admin = await database.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'sysadmin')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const n = 40;
    await database.handle.db
      .insertInto('outbox')
      .values(
        Array.from({ length: n }, (_, i) => ({
          topic: 'notify',
          payload: JSON.stringify({ userIds: [admin.id], title: `two-nodes-${i}`, body: 'x' }),
          status: 'pending' as const,
          attempts: 0,
          created_at: now,
          available_at: now,
        })),
      )
      .execute();
    const until = Date.now() + 30_000;
    for (;;) {
      const left = await database.handle.db
        .selectFrom('outbox')
        .select('id')
        .where('status', '!=', 'done')
        .where('payload', 'like', '%two-nodes-%')
        .execute();
      if (left.length === 0) break;
      if (Date.now() > until) throw new Error(`${left.length} outbox messages not done`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const made = await database.handle.db
      .selectFrom('notifications')
      .select('title')
      .where('title', 'like', 'two-nodes-%')
      .execute();
    expect(made).toHaveLength(n);
    expect(new Set(made.map((m) => m.title)).size).toBe(n);
  });

  it('a scheduled job runs once per interval across the nodes, not once per node', async () => {
    await new Promise((r) => setTimeout(r, 4000));
    const elapsed = (Date.now() - startedAt) / 1000;
    const series = (outcome: string) => `bohou_job_runs_total{job="sessions.cleanup",outcome="${outcome}"}`;
    const [okA, okB, skipA, skipB] = await Promise.all([
      counter(a, series('ok')),
      counter(b, series('ok')),
      counter(a, series('skipped')),
      counter(b, series('skipped')),
    ]);
    // Each node ticked every second; a run leases the job for 0.9 s, so at most one run per 0.9 s in all.
    expect(okA + skipA).toBeGreaterThanOrEqual(3);
    expect(okB + skipB).toBeGreaterThanOrEqual(3);
    expect(okA + okB).toBeGreaterThanOrEqual(2);
    expect(okA + okB).toBeLessThanOrEqual(Math.floor(elapsed / 0.9) + 1);
    expect(skipA + skipB).toBeGreaterThanOrEqual(1);
  });
});
