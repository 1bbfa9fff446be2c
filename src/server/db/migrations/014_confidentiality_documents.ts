import type { BohouMigration } from './helpers.js';
import { CONFIDENTIALITY_TEMPLATE_SEED } from './seed/confidentiality-templates.js';

/** The 保密书 of both sides of a need as agreement templates (filed by the platform on acceptance). */
export const confidentialityDocuments: BohouMigration = {
  name: '014_confidentiality_documents',
  async up(db) {
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
    const now = new Date().toISOString();
    for (const t of CONFIDENTIALITY_TEMPLATE_SEED)
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
  },
};
