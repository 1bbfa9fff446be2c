import { withId, type BohouMigration } from './helpers.js';

/** Uploaded files, station applications with their timeline, certification batches and stations. */
export const stations: BohouMigration = {
  name: '002_stations',
  async up(db, dialect) {
    await withId(db.schema.createTable('files'), dialect)
      .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('files_unit').on('files').column('unit_id').execute();

    await withId(db.schema.createTable('cert_batches'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();

    await withId(db.schema.createTable('station_applications'), dialect)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('form_json', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('sealed_scan_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('flagged_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('last_opinion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('batch_id', 'integer', (c) => c.references('cert_batches.id'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('reminded_at', 'text')
      .execute();
    await db.schema
      .createIndex('applications_unit')
      .on('station_applications')
      .columns(['unit_id', 'state'])
      .execute();
    await db.schema
      .createIndex('applications_region')
      .on('station_applications')
      .columns(['region_id', 'state'])
      .execute();
    await db.schema.createIndex('applications_batch').on('station_applications').column('batch_id').execute();

    await withId(db.schema.createTable('application_events'), dialect)
      .addColumn('application_id', 'integer', (c) => c.notNull().references('station_applications.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('flagged_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('application_events_app')
      .on('application_events')
      .columns(['application_id', 'id'])
      .execute();

    await withId(db.schema.createTable('stations'), dialect)
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('application_id', 'integer', (c) => c.references('station_applications.id'))
      .addColumn('batch_id', 'integer', (c) => c.references('cert_batches.id'))
      .addColumn('level', 'text', (c) => c.notNull().defaultTo('municipal'))
      .addColumn('national_cultivation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('certified_at', 'text', (c) => c.notNull())
      .addColumn('certificate_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stations_unit').on('stations').columns(['unit_id', 'status']).execute();
    await db.schema.createIndex('stations_region').on('stations').columns(['region_id', 'status']).execute();
  },
};
