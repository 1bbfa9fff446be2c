import { withId, type BohouMigration } from './helpers.js';

/**
 * 专家评审 (issue #8): the expert pool, the experts' yearly declarations, review rounds over submitted
 * solutions, the assignment of experts to items and their scores.
 */
export const reviews: BohouMigration = {
  name: '015_reviews',
  async up(db, dialect) {
    await withId(db.schema.createTable('review_experts'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('primary_domain', 'text', (c) => c.notNull())
      .addColumn('secondary_domains_json', 'text', (c) => c.notNull())
      .addColumn('keywords_json', 'text', (c) => c.notNull())
      .addColumn('institution', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('contact', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('review_declarations'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('conflicts_json', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('review_declarations_user_year', ['user_id', 'year'])
      .execute();

    await withId(db.schema.createTable('review_rounds'), dialect)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('criteria_json', 'text', (c) => c.notNull())
      .addColumn('k', 'integer', (c) => c.notNull())
      .addColumn('load_limit', 'integer', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('close_reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();

    await withId(db.schema.createTable('review_items'), dialect)
      .addColumn('round_id', 'integer', (c) => c.notNull().references('review_rounds.id'))
      .addColumn('solution_id', 'integer', (c) => c.notNull().references('solutions.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addUniqueConstraint('review_items_round_solution', ['round_id', 'solution_id'])
      .execute();

    await withId(db.schema.createTable('review_assignments'), dialect)
      .addColumn('round_id', 'integer', (c) => c.notNull().references('review_rounds.id'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('review_items.id'))
      .addColumn('expert_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('pinned', 'integer', (c) => c.notNull())
      .addColumn('affinity', 'text', (c) => c.notNull())
      .addColumn('scores_json', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('reminded_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('review_assignments_item_expert', ['item_id', 'expert_user_id'])
      .execute();
    await db.schema
      .createIndex('review_assignments_expert')
      .on('review_assignments')
      .columns(['expert_user_id', 'round_id'])
      .execute();
  },
};
