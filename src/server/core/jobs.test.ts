import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedDatabase, type TestDatabase } from '../test/database.js';
import { uniq } from '../test/factories.js';
import { tryLock, withLock } from './jobs.js';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await openSharedDatabase(await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-jobs-')));
});
afterAll(async () => tdb.close());

describe('scheduled-job locks', () => {
  it('lets exactly one of two concurrent runs of a job through', async () => {
    const name = uniq('job');
    let runs = 0;
    const job = () =>
      withLock(tdb.handle.db, name, 60_000, async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 100));
        return 'ran';
      });
    const results = await Promise.all([job(), job()]);
    expect(runs).toBe(1);
    expect(results.filter((r) => r === 'ran')).toHaveLength(1);
    // Released afterwards: the next run goes through.
    expect(await job()).toBe('ran');
  });

  it('takes over a lock whose holder died (expired), not a live one', async () => {
    const name = uniq('job');
    const db = tdb.handle.db;
    await db
      .insertInto('job_locks')
      .values({ name, holder: 'another-node', locked_until: new Date(Date.now() + 60_000).toISOString() })
      .execute();
    expect(await tryLock(db, name, 60_000)).toBe(false);
    await db
      .updateTable('job_locks')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('name', '=', name)
      .execute();
    expect(await tryLock(db, name, 60_000)).toBe(true);
  });
});
