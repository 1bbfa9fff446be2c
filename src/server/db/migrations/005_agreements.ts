import { withId, type BohouMigration, type MigrationDb } from './helpers.js';
import { AGREEMENT_TEMPLATE_SEED } from './seed/agreement-templates.js';

/**
 * 签署及备案 (seed 002 §三(一) 四): versioned templates, documents made from a template version for a
 * subject (a posting, later a sign-up or a match), their parties in signing order, and the signature
 * events. Filed documents carry a filing number and the hash of the sealed PDF.
 */
export const agreements: BohouMigration = {
  name: '005_agreements',
  async up(db, dialect) {
    await withId(db.schema.createTable('agreement_templates'), dialect)
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      // [{ name, label, required }]
      .addColumn('fields_json', 'text', (c) => c.notNull())
      // [{ role, order }]: equal order = any order among them
      .addColumn('parties_json', 'text', (c) => c.notNull())
      // 'office': filed by the municipal (or district) office; 'auto': filed by the platform once signed
      .addColumn('filing', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .execute();
    await db.schema
      .createIndex('agreement_templates_key_version')
      .on('agreement_templates')
      .columns(['key', 'version'])
      .unique()
      .execute();

    await withId(db.schema.createTable('agreements'), dialect)
      .addColumn('number', 'text', (c) => c.unique())
      .addColumn('template_id', 'integer', (c) => c.notNull().references('agreement_templates.id'))
      .addColumn('template_key', 'text', (c) => c.notNull())
      .addColumn('template_version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
      .addColumn('fields_json', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('verification_code', 'text', (c) => c.notNull().unique())
      .addColumn('document_key', 'text', (c) => c.notNull())
      .addColumn('document_sha256', 'text', (c) => c.notNull())
      .addColumn('filed_key', 'text')
      .addColumn('filed_sha256', 'text')
      .addColumn('signature_sha256', 'text')
      .addColumn('filing_year', 'integer')
      .addColumn('filing_seq', 'integer')
      .addColumn('filing_number', 'text', (c) => c.unique())
      .addColumn('filed_by', 'integer')
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('signed_at', 'text')
      .addColumn('filed_at', 'text')
      .addColumn('closed_reason', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createIndex('agreements_filing_seq')
      .on('agreements')
      .columns(['filing_year', 'filing_seq'])
      .unique()
      .execute();
    await db.schema
      .createIndex('agreements_subject')
      .on('agreements')
      .columns(['subject_type', 'subject_id'])
      .execute();
    await db.schema.createIndex('agreements_state').on('agreements').columns(['state', 'id']).execute();
    await db.schema.createIndex('agreements_filed_sha').on('agreements').columns(['filed_sha256']).execute();
    await db.schema
      .createIndex('agreements_signature_sha')
      .on('agreements')
      .columns(['signature_sha256'])
      .execute();

    await withId(db.schema.createTable('agreement_parties'), dialect)
      .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role_label', 'text', (c) => c.notNull())
      .addColumn('party_order', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('signed_at', 'text')
      .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('signed_sha256', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createIndex('agreement_parties_doc_user')
      .on('agreement_parties')
      .columns(['agreement_id', 'user_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('agreement_parties_user')
      .on('agreement_parties')
      .columns(['user_id', 'agreement_id'])
      .execute();

    await withId(db.schema.createTable('agreement_events'), dialect)
      .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('role_label', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('document_sha256', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('agreement_events_doc')
      .on('agreement_events')
      .columns(['agreement_id', 'id'])
      .execute();

    // Filing numbers count per year; the counter row is updated in the filing transaction, so
    // concurrent filings (on PostgreSQL, waiting on the row lock) never pick the same number.
    await db.schema
      .createTable('agreement_counters')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .execute();

    await seedTemplates(db);
  },
};

async function seedTemplates(db: MigrationDb): Promise<void> {
  const now = new Date().toISOString();
  const tdb = db.withTables<{
    agreement_templates: {
      key: string;
      version: number;
      title: string;
      body: string;
      fields_json: string;
      parties_json: string;
      filing: string;
      active: number;
      created_at: string;
      created_by: number | null;
    };
  }>();
  for (const t of AGREEMENT_TEMPLATE_SEED) {
    await tdb
      .insertInto('agreement_templates')
      .values({
        key: t.key,
        version: 1,
        title: t.title,
        body: t.body,
        fields_json: JSON.stringify(t.fields),
        parties_json: JSON.stringify(t.parties),
        filing: t.filing,
        active: 1,
        created_at: now,
        created_by: null,
      })
      .execute();
  }
}
