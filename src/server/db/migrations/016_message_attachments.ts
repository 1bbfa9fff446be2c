import type { BohouMigration } from './helpers.js';

/** 对接 thread messages carry attachments (issue #6: "a message thread per solution … with attachments"). */
export const messageAttachments: BohouMigration = {
  name: '016_message_attachments',
  async up(db) {
    await db.schema
      .alterTable('solution_messages')
      .addColumn('attachment_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
};
