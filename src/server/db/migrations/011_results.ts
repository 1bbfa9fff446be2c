import { withId, type BohouMigration } from './helpers.js';

/**
 * 揭榜成果公布 and 活动与大赛 (seed 002 §四/§五): the municipal office's periodic results announcements with
 * their items (one matched solution each, public facts only), events with their participants and projects,
 * recommendations to the innovation and entrepreneurship competition, and the certificates issued to
 * participants and to the parties of a match (number + verification code, verifiable in public).
 */
export const results: BohouMigration = {
  name: '011_results',
  async up(db, dialect) {
    await withId(db.schema.createTable('results_announcements'), dialect)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('withdraw_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('withdrawn_at', 'text')
      .execute();
    await db.schema
      .createIndex('results_announcements_state')
      .on('results_announcements')
      .columns(['state', 'published_at'])
      .execute();

    await withId(db.schema.createTable('results_items'), dialect)
      .addColumn('announcement_id', 'integer', (c) => c.notNull().references('results_announcements.id'))
      .addColumn('solution_id', 'integer', (c) => c.notNull().references('solutions.id'))
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('need_title', 'text', (c) => c.notNull())
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('poster_name', 'text', (c) => c.notNull())
      .addColumn('taker_name', 'text', (c) => c.notNull())
      .addColumn('matched_on', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      /** The districts of both sides as `,3,7,` (LIKE-searchable): what a district office may read. */
      .addColumn('region_key', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('results_items_once')
      .on('results_items')
      .columns(['announcement_id', 'solution_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('results_items_solution')
      .on('results_items')
      .columns(['solution_id'])
      .execute();

    await withId(db.schema.createTable('results_events'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      /** The district it was held for, or null for a city-wide event. */
      .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('results_event_participants'), dialect)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('results_events.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('results_event_participants_once')
      .on('results_event_participants')
      .columns(['event_id', 'user_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('results_event_participants_user')
      .on('results_event_participants')
      .columns(['user_id'])
      .execute();

    await withId(db.schema.createTable('results_event_projects'), dialect)
      .addColumn('event_id', 'integer', (c) => c.notNull().references('results_events.id'))
      .addColumn('solution_id', 'integer', (c) => c.notNull().references('solutions.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('results_event_projects_once')
      .on('results_event_projects')
      .columns(['event_id', 'solution_id'])
      .unique()
      .execute();

    await withId(db.schema.createTable('competition_recommendations'), dialect)
      .addColumn('solution_id', 'integer', (c) => c.notNull().unique().references('solutions.id'))
      .addColumn('recommended_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('certificates'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('verification_code', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      /** `event:5` or `solution:9`: one certificate per account and subject. */
      .addColumn('subject_key', 'text', (c) => c.notNull())
      .addColumn('holder_name', 'text', (c) => c.notNull())
      .addColumn('subject_title', 'text', (c) => c.notNull())
      .addColumn('subject_date', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('certificates_once')
      .on('certificates')
      .columns(['user_id', 'subject_key'])
      .unique()
      .execute();
  },
};
