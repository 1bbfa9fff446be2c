import { DISTRICT_OFFICES, MUNICIPAL_OFFICE, districtCode } from '../../modules/regions/seed-data.js';
import { exec, withId, type BohouMigration } from './helpers.js';

/** Regions, accounts, sessions, the audit chain, the outbox, notifications, job locks and settings. */
export const foundation: BohouMigration = {
  name: '001_foundation',
  async up(db, dialect) {
    await withId(db.schema.createTable('regions'), dialect)
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull())
      .addColumn('service_guide', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

    await withId(db.schema.createTable('units'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit_type', 'text', (c) => c.notNull())
      .addColumn('credit_code', 'text', (c) => c.notNull().unique())
      .addColumn('registration_date', 'text', (c) => c.notNull())
      .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_phone', 'text', (c) => c.notNull())
      .addColumn('contact_email', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('units_region').on('units').column('region_id').execute();

    await withId(db.schema.createTable('users'), dialect)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
      .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
      .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_role_region').on('users').columns(['role', 'region_id']).execute();
    await db.schema.createIndex('users_unit').on('users').column('unit_id').execute();

    await db.schema
      .createTable('person_profiles')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('degree', 'text', (c) => c.notNull())
      .addColumn('postdoc_status', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('institution', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('audit_log'), dialect)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('region_id', 'integer')
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_entity')
      .on('audit_log')
      .columns(['entity_type', 'entity_id'])
      .execute();
    await db.schema.createIndex('audit_actor').on('audit_log').column('actor_id').execute();

    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('last_id', 'integer', (c) => c.notNull())
      .addColumn('last_hash', 'text', (c) => c.notNull())
      .execute();
    await exec(db, `INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '${'0'.repeat(64)}')`);

    // Nobody, the application included, may rewrite or remove audit records.
    if (dialect === 'postgres') {
      await exec(
        db,
        `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
      );
      await exec(
        db,
        `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
         FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      );
      await exec(
        db,
        `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
         FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
      );
    } else {
      await exec(
        db,
        `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
      );
      await exec(
        db,
        `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
      );
    }

    await withId(db.schema.createTable('outbox'), dialect)
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('available_at', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text')
      .execute();
    await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'available_at']).execute();

    await withId(db.schema.createTable('notifications'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('notifications_user')
      .on('notifications')
      .columns(['user_id', 'id'])
      .execute();

    await db.schema
      .createTable('job_locks')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .execute();

    const regions = db.withTables<{
      regions: { code: string; name: string; name_en: string; phone: string; kind: string; sort: number };
    }>();
    await regions
      .insertInto('regions')
      .values({
        code: MUNICIPAL_OFFICE.code,
        name: MUNICIPAL_OFFICE.name,
        name_en: MUNICIPAL_OFFICE.nameEn,
        phone: MUNICIPAL_OFFICE.phone,
        kind: 'municipal',
        sort: 0,
      })
      .execute();
    await regions
      .insertInto('regions')
      .values(
        DISTRICT_OFFICES.map(([name, nameEn, phone], i) => ({
          code: districtCode(i),
          name,
          name_en: nameEn,
          phone,
          kind: 'district',
          sort: i + 1,
        })),
      )
      .execute();
  },
};
