import { withId, type BohouMigration } from './helpers.js';

/**
 * 项目跟踪 (seed 002 §五(二)): a followed project per match, its milestones (seeded from the solution's),
 * the parties' progress reports and the district offices' outcome reports to the city.
 */
export const followup: BohouMigration = {
  name: '012_followup',
  async up(db, dialect) {
    await withId(db.schema.createTable('followup_projects'), dialect)
      .addColumn('solution_id', 'integer', (c) => c.notNull().unique().references('solutions.id'))
      .addColumn('challenge_id', 'integer', (c) => c.notNull().references('challenges.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('poster_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('poster_unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('poster_region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('leader_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('taker_unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('taker_region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('party_users', 'text', (c) => c.notNull())
      .addColumn('matched_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('followup_projects_poster_region')
      .on('followup_projects')
      .column('poster_region_id')
      .execute();
    await db.schema
      .createIndex('followup_projects_taker_region')
      .on('followup_projects')
      .column('taker_region_id')
      .execute();
    await db.schema
      .createIndex('followup_projects_poster_unit')
      .on('followup_projects')
      .column('poster_unit_id')
      .execute();
    await db.schema
      .createIndex('followup_projects_taker_unit')
      .on('followup_projects')
      .column('taker_unit_id')
      .execute();

    await withId(db.schema.createTable('followup_milestones'), dialect)
      .addColumn('project_id', 'integer', (c) => c.notNull().references('followup_projects.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('deliverable', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('done_on', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('reminded_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('followup_milestones_project')
      .on('followup_milestones')
      .columns(['project_id', 'position'])
      .execute();
    await db.schema
      .createIndex('followup_milestones_due')
      .on('followup_milestones')
      .columns(['done_on', 'due'])
      .execute();

    await withId(db.schema.createTable('followup_reports'), dialect)
      .addColumn('project_id', 'integer', (c) => c.notNull().references('followup_projects.id'))
      .addColumn('author_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('milestones_json', 'text', (c) => c.notNull())
      .addColumn('attachment_ids_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('followup_reports_project')
      .on('followup_reports')
      .columns(['project_id', 'id'])
      .execute();

    await withId(db.schema.createTable('outcome_reports'), dialect)
      .addColumn('project_id', 'integer', (c) => c.notNull().references('followup_projects.id'))
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('funding_wan', 'double precision', (c) => c.notNull().defaultTo(0))
      .addColumn('products', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('patents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('last_comment', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .execute();
    await db.schema
      .createIndex('outcome_reports_project')
      .on('outcome_reports')
      .columns(['project_id', 'id'])
      .execute();
    await db.schema
      .createIndex('outcome_reports_state')
      .on('outcome_reports')
      .columns(['state', 'region_id'])
      .execute();
  },
};
