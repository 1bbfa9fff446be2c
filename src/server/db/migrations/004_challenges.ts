import { sql } from 'kysely';
import { exec, withId, type BohouMigration } from './helpers.js';

/** 揭榜领题 postings (seed 002): needs, their timeline, the search index and the synonym dictionary. */
export const challenges: BohouMigration = {
  name: '004_challenges',
  async up(db, dialect) {
    await withId(db.schema.createTable('challenges'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('poster_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('domain', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('budget_wan', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('public_json', 'text', (c) => c.notNull())
      .addColumn('confidential_json', 'text', (c) => c.notNull())
      .addColumn('commitment_json', 'text')
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('reached_national', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_opinion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('signups', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('matched_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema
      .createIndex('challenges_poster')
      .on('challenges')
      .columns(['poster_user_id', 'id'])
      .execute();
    await db.schema.createIndex('challenges_state').on('challenges').columns(['state', 'id']).execute();
    // The hall's keyset orders (published_at, deadline, budget) with id as tie-breaker.
    await db.schema
      .createIndex('challenges_hall_published')
      .on('challenges')
      .columns(['published_at desc', 'id desc'])
      .execute();
    await db.schema
      .createIndex('challenges_hall_deadline')
      .on('challenges')
      .columns(['deadline', 'id'])
      .execute();
    await db.schema
      .createIndex('challenges_hall_budget')
      .on('challenges')
      .columns(['budget_wan desc', 'id desc'])
      .execute();
    await db.schema
      .createIndex('challenges_hall_domain')
      .on('challenges')
      .columns(['domain', 'published_at desc', 'id desc'])
      .execute();

    await withId(db.schema.createTable('challenge_events'), dialect)
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('challenge_events_challenge')
      .on('challenge_events')
      .columns(['challenge_id', 'id'])
      .execute();

    await withId(db.schema.createTable('challenge_terms'), dialect)
      .addColumn('term', 'text', (c) => c.notNull().unique())
      .addColumn('synonyms_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('narrower_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .execute();

    // The search index holds public text only, as bigram tokens built by the app (shared/challenges/tokens.ts).
    if (dialect === 'postgres') {
      await sql`alter table challenges add column tsv tsvector`.execute(db);
      await exec(db, 'create index challenges_tsv on challenges using gin (tsv)');
    } else {
      await exec(
        db,
        "create virtual table challenges_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')",
      );
    }
  },
};
