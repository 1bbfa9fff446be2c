import { exec, withId, type BohouMigration } from './helpers.js';

/**
 * 主办方组织服务 (issue #6; seed 002 §三(一) "张榜及揭榜信息查阅、核实、整理、匹配"): the offices' verification of
 * postings and sign-ups (核实), and their suggestions of a taker to a poster (推荐揭榜方).
 */
export const organiser: BohouMigration = {
  name: '017_organiser',
  async up(db, dialect) {
    // One row per verified entity ('challenge' | 'signup'); no row means not yet verified.
    await withId(db.schema.createTable('verifications'), dialect)
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('updated_by_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('verifications_entity', ['entity_type', 'entity_id'])
      .execute();
    await db.schema
      .createIndex('verifications_state')
      .on('verifications')
      .columns(['entity_type', 'state'])
      .execute();

    await withId(db.schema.createTable('suggestions'), dialect)
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('candidate_kind', 'text', (c) => c.notNull())
      .addColumn('candidate_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('candidate_unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('candidate_name', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('suggested_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('suggested_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('suggestions_challenge')
      .on('suggestions')
      .columns(['challenge_id', 'id'])
      .execute();
    await db.schema
      .createIndex('suggestions_user')
      .on('suggestions')
      .columns(['candidate_user_id'])
      .execute();
    await db.schema
      .createIndex('suggestions_unit')
      .on('suggestions')
      .columns(['candidate_unit_id'])
      .execute();
    // One live suggestion of a candidate per need.
    await exec(
      db,
      "create unique index suggestions_live on suggestions (challenge_id, candidate_kind, coalesce(candidate_user_id, 0), coalesce(candidate_unit_id, 0)) where state = 'suggested'",
    );
  },
};
