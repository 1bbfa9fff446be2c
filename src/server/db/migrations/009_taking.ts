import { exec, withId, type BohouMigration } from './helpers.js';

/**
 * 揭榜 (seed 002 §三(三)): sign-ups with their team members, the confidentiality agreements (保密书) accepted
 * per need and side, the log of every view and download of confidential material, and the solutions.
 */
export const taking: BohouMigration = {
  name: '009_taking',
  async up(db, dialect) {
    await withId(db.schema.createTable('signups'), dialect)
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('taker_kind', 'text', (c) => c.notNull())
      .addColumn('leader_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('team_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('commitments_json', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .execute();
    // One live sign-up per person and per unit for a need (a withdrawn one does not block signing up again).
    await exec(
      db,
      "create unique index signups_live_leader on signups (challenge_id, leader_user_id) where state <> 'withdrawn'",
    );
    await exec(
      db,
      "create unique index signups_live_unit on signups (challenge_id, unit_id) where unit_id is not null and state <> 'withdrawn'",
    );
    await db.schema.createIndex('signups_leader').on('signups').columns(['leader_user_id', 'id']).execute();

    await withId(db.schema.createTable('signup_members'), dialect)
      .addColumn('signup_id', 'integer', (c) => c.notNull().references('signups.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'text', (c) => c.notNull())
      .addColumn('responded_at', 'text')
      .execute();
    await db.schema
      .createIndex('signup_members_once')
      .on('signup_members')
      .columns(['signup_id', 'user_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('signup_members_user')
      .on('signup_members')
      .columns(['user_id', 'signup_id'])
      .execute();

    await withId(db.schema.createTable('confidentiality_acceptances'), dialect)
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('signup_id', 'integer', (c) => c.references('signups.id'))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('text_sha256', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
      // The signed PDF the agreements module files for this acceptance, once it exists.
      .addColumn('agreement_id', 'integer')
      .execute();
    await db.schema
      .createIndex('confidentiality_once')
      .on('confidentiality_acceptances')
      .columns(['challenge_id', 'user_id', 'side', 'version'])
      .unique()
      .execute();

    await withId(db.schema.createTable('confidential_access'), dialect)
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('what', 'text', (c) => c.notNull())
      .addColumn('file_id', 'integer')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('user_role', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('confidential_access_subject')
      .on('confidential_access')
      .columns(['subject_type', 'subject_id', 'id'])
      .execute();

    await withId(db.schema.createTable('solutions'), dialect)
      .addColumn('signup_id', 'integer', (c) => c.notNull().references('signups.id'))
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('withdrawn_at', 'text')
      // 对接: the poster's decision (pending → shortlisted → proposed → matched, or rejected with a reason).
      .addColumn('decision', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('poster_confirmed_at', 'text')
      .addColumn('taker_confirmed_at', 'text')
      .execute();
    // One live solution per sign-up: a second one is refused until the first is withdrawn.
    await exec(db, "create unique index solutions_live on solutions (signup_id) where state <> 'withdrawn'");
    await withId(db.schema.createTable('solution_messages'), dialect)
      .addColumn('solution_id', 'integer', (c) => c.notNull().references('solutions.id'))
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_side', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('solution_messages_thread')
      .on('solution_messages')
      .columns(['solution_id', 'id'])
      .execute();
    await db.schema
      .createIndex('solutions_challenge')
      .on('solutions')
      .columns(['challenge_id', 'id'])
      .execute();
  },
};
