import { loadConfigOrExit, type Config } from '../src/server/core/config.js';
import { openDatabase, type DbHandle } from '../src/server/db/index.js';
import { migrateToLatest } from '../src/server/db/migrations/index.js';

/** Opens the configured database (same env as the server), migrated, for command-line tools. */
export async function openForCli(): Promise<{ config: Config; database: DbHandle }> {
  const config = loadConfigOrExit();
  const database = openDatabase(config);
  await migrateToLatest(database.db, database.dialect);
  return { config, database };
}
