import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db, DialectName } from '../index.js';
import { foundation } from './001_foundation.js';
import { stations } from './002_stations.js';
import { stationLifecycle } from './003_station_lifecycle.js';
import { challenges } from './004_challenges.js';
import { agreements } from './005_agreements.js';
import { searchTerms } from './006_search_terms.js';
import { hallIndexes } from './007_hall_indexes.js';
import { challengeReminders } from './008_challenge_reminders.js';
import { taking } from './009_taking.js';
import { results } from './011_results.js';
import { followup } from './012_followup.js';
import { hallSearch } from './013_hall_search.js';
import { confidentialityDocuments } from './014_confidentiality_documents.js';
import { messageAttachments } from './016_message_attachments.js';
import { reviews } from './015_reviews.js';
import { cryptoProfile } from './021_crypto_profile.js';
import { organiser } from './017_organiser.js';
import type { BohouMigration, MigrationDb } from './helpers.js';

/** In order. A migration, once released, is never edited: add the next one. */
export const MIGRATIONS: BohouMigration[] = [
  foundation,
  stations,
  stationLifecycle,
  challenges,
  agreements,
  searchTerms,
  hallIndexes,
  challengeReminders,
  taking,
  results,
  followup,
  hallSearch,
  confidentialityDocuments,
  reviews,
  messageAttachments,
  organiser,
  cryptoProfile,
];

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const m of MIGRATIONS) {
      out[m.name] = { up: (db: MigrationDb) => m.up(db, this.dialect) };
    }
    return out;
  }
}

export async function migrateToLatest(db: Db, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
