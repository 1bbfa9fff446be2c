import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIsolatedDatabase, type TestDatabase } from '../../../test/database.js';
import { labelledSet, loadNeeds, macroRecall, runHall, runPlainJieba, type QueryResult } from './quality.js';

/*
 * The labelled set (needs.json, queries.json) through the real hall search on this run's engine, against
 * plain jieba matching. Thresholds sit below what the search reaches today (BENCHMARKS.md, "Search
 * quality") and well above the baseline, so a regression in segmentation, expansion or ranking fails here.
 */
let dir: string;
let database: TestDatabase;
let ids: Map<number, string>;
const { needs, queries } = labelledSet();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-eval-'));
  database = await openIsolatedDatabase(dir);
  ids = await loadNeeds(database.handle.db, database.handle.dialect, needs);
});
afterAll(async () => {
  await database.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const misses = (rs: QueryResult[]): string[] =>
  rs.filter((r) => r.recall < 1).map((r) => `${r.q}: ${r.missed.join(' ')}`);

describe('search quality on the labelled set', () => {
  it('is a real test: at least 120 needs and 40 queries, one- and two-character queries among them', () => {
    expect(needs.length).toBeGreaterThanOrEqual(120);
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(queries.filter((q) => [...q.q].length === 1).length).toBeGreaterThanOrEqual(3);
    expect(queries.filter((q) => [...q.q].length === 2).length).toBeGreaterThanOrEqual(10);
  });

  it('beats plain jieba on recall@10, with and without the seed dictionary', async () => {
    const { db, dialect } = database.handle;
    const plain = macroRecall(runPlainJieba(needs, queries));
    const seeded = await runHall(db, dialect, ids, queries);
    const entries = await db.selectFrom('challenge_terms').selectAll().execute();
    expect(entries.length).toBeGreaterThan(50);
    await db.deleteFrom('challenge_terms').execute();
    const bare = await runHall(db, dialect, ids, queries);
    await db.insertInto('challenge_terms').values(entries).execute();

    expect(plain).toBeLessThan(0.65);
    expect(macroRecall(bare), misses(bare).join('\n')).toBeGreaterThanOrEqual(0.7);
    expect(macroRecall(seeded), misses(seeded).join('\n')).toBeGreaterThanOrEqual(0.93);
    // Every one- and two-character query finds everything judged relevant.
    const short = seeded.filter((r) => [...r.q].length <= 2 && r.type !== 'abbreviation');
    expect(misses(short)).toEqual([]);
  });
});
