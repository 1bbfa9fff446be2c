import type { BohouMigration } from './helpers.js';

/**
 * Deadline reminders to posters: the last reminder stage sent for a published posting (7 = a week
 * before the deadline, 1 = the day before), so each stage is sent once, on one node.
 */
export const challengeReminders: BohouMigration = {
  name: '008_challenge_reminders',
  async up(db) {
    await db.schema.alterTable('challenges').addColumn('deadline_reminder', 'integer').execute();
  },
};
