import { withId, type BohouMigration } from './helpers.js';

/** Recruitment records (进站/出站) and the station's lifecycle: adjustment and deregistration. */
export const stationLifecycle: BohouMigration = {
  name: '003_station_lifecycle',
  async up(db, dialect) {
    await withId(db.schema.createTable('recruits'), dialect)
      .addColumn('station_id', 'integer', (c) => c.notNull().references('stations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_hash', 'text', (c) => c.notNull())
      .addColumn('id_last4', 'text', (c) => c.notNull())
      .addColumn('supervisor', 'text', (c) => c.notNull())
      .addColumn('mobile_station', 'text', (c) => c.notNull())
      .addColumn('project', 'text', (c) => c.notNull())
      .addColumn('entry_date', 'text', (c) => c.notNull())
      .addColumn('exit_date', 'text')
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('recruits_station_entry')
      .on('recruits')
      .columns(['station_id', 'entry_date'])
      .execute();
    await db.schema
      .createIndex('recruits_id_hash')
      .on('recruits')
      .columns(['station_id', 'id_number_hash'])
      .execute();

    // The date the four-year count runs from when the municipal office declines a proposed deregistration.
    await db.schema.alterTable('stations').addColumn('count_from', 'text').execute();
    await db.schema.alterTable('stations').addColumn('deregistration_proposed_at', 'text').execute();
    await db.schema.alterTable('stations').addColumn('deregistered_at', 'text').execute();
    await db.schema.alterTable('stations').addColumn('status_changed_at', 'text').execute();

    await withId(db.schema.createTable('station_events'), dialect)
      .addColumn('station_id', 'integer', (c) => c.notNull().references('stations.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('cause', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('evidence_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('station_events_station')
      .on('station_events')
      .columns(['station_id', 'id'])
      .execute();
  },
};
