import type { BohouMigration } from './helpers.js';

/**
 * Issue #9: the installation's crypto profile (international or 国密). The audit chain's head names the
 * hash its records use (SHA-256 or SM3); chains written before this migration are SHA-256.
 */
export const cryptoProfile: BohouMigration = {
  name: '021_crypto_profile',
  async up(db) {
    await db.schema
      .alterTable('audit_head')
      .addColumn('hash_alg', 'text', (c) => c.notNull().defaultTo('sha256'))
      .execute();
  },
};
