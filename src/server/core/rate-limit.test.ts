import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniq } from '../test/factories.js';
import { openSharedDatabase, type TestDatabase } from '../test/database.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hitRateLimit } from './rate-limit.js';

let tdb: TestDatabase;
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-rl-'));
  tdb = await openSharedDatabase(dir);
});
afterAll(async () => {
  await tdb.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const hit = (key: string, max: number, at: Date): Promise<boolean> =>
  tdb.handle.db.transaction().execute((trx) => hitRateLimit(trx, key, 60_000, max, at));

describe('hitRateLimit', () => {
  it('allows `max` hits per window, then refuses until the window is over', async () => {
    const key = `test:${uniq()}`;
    const t0 = new Date('2026-01-01T00:00:00.000Z');
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit(key, 3, new Date(t0.getTime() + i * 1000)));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await hit(key, 3, new Date(t0.getTime() + 59_999))).toBe(false);
    // A new window starts exactly one window after the last one began, with a fresh count.
    expect(await hit(key, 3, new Date(t0.getTime() + 60_000))).toBe(true);
    expect(await hit(key, 3, new Date(t0.getTime() + 61_000))).toBe(true);
    expect(await hit(key, 3, new Date(t0.getTime() + 62_000))).toBe(true);
    expect(await hit(key, 3, new Date(t0.getTime() + 63_000))).toBe(false);
  });

  it('keeps keys apart', async () => {
    const a = `test:${uniq()}`;
    const b = `test:${uniq()}`;
    const now = new Date();
    expect(await hit(a, 1, now)).toBe(true);
    expect(await hit(a, 1, now)).toBe(false);
    expect(await hit(b, 1, now)).toBe(true);
  });

  it('counts parallel hits exactly', async () => {
    const key = `test:${uniq()}`;
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 12 }, () => hit(key, 5, now)));
    expect(results.filter(Boolean)).toHaveLength(5);
  });
});
