import type { BohouMigration } from './helpers.js';

/**
 * Indexes for the public hall (issue #5; measured with `npm run bench -- hall`, see BENCHMARKS.md).
 *
 * - `challenges_hall_filters` holds every column the hall filters on (state, district, domain, kind, and
 *   deadline / matched_at for the open / closed / matched status), so the hall's count is an index-only
 *   scan on both engines instead of a scan of the table with its long JSON texts: with 100,000 postings
 *   on the (busy) bench machine the unfiltered count went from ≈ 100–400 ms to ≈ 10–50 ms, a district +
 *   domain + kind count from ≈ 150 ms to under a millisecond.
 * - `challenges_hall_region` and `challenges_hall_kind` give a district's and a kind's hall in date
 *   order (keyset on published_at, id): with the filter index alone SQLite's planner sorted a whole
 *   district, or all postings of a kind, for every page.
 */
export const hallIndexes: BohouMigration = {
  name: '007_hall_indexes',
  async up(db) {
    await db.schema
      .createIndex('challenges_hall_filters')
      .on('challenges')
      .columns(['state', 'region_id', 'domain', 'kind', 'deadline', 'matched_at'])
      .execute();
    await db.schema
      .createIndex('challenges_hall_region')
      .on('challenges')
      .columns(['region_id', 'published_at desc', 'id desc'])
      .execute();
    await db.schema
      .createIndex('challenges_hall_kind')
      .on('challenges')
      .columns(['kind', 'published_at desc', 'id desc'])
      .execute();
  },
};
