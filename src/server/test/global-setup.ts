import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/index.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { createDatabase, dropDatabases, freshDatabaseName, PG_ADMIN_URL } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The engine of this run. */
    testDb: 'sqlite' | 'postgres';
    /** PostgreSQL: the run's shared, migrated database ('' on SQLite). */
    pgUrl: string;
    /** PostgreSQL: the server's admin URL, for tests that need a database of their own. */
    pgAdminUrl: string;
    /** PostgreSQL: the shared database's name; databases of single tests extend it. */
    pgDbName: string;
  }
}

/**
 * On PostgreSQL, creates this run's database, migrates it once, and drops it (and every database a
 * test made from its name) when the run ends. On SQLite each test file makes its own DATA_DIR.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.TEST_DB !== 'postgres') {
    project.provide('testDb', 'sqlite');
    project.provide('pgUrl', '');
    project.provide('pgAdminUrl', '');
    project.provide('pgDbName', '');
    return;
  }
  const name = freshDatabaseName();
  const url = await createDatabase(PG_ADMIN_URL, name);
  const handle = openDatabase({ dataDir: '', databaseUrl: url });
  try {
    await migrateToLatest(handle.db, handle.dialect);
  } finally {
    await handle.close();
  }
  project.provide('testDb', 'postgres');
  project.provide('pgUrl', url);
  project.provide('pgAdminUrl', PG_ADMIN_URL);
  project.provide('pgDbName', name);
  return async () => {
    await dropDatabases(PG_ADMIN_URL, name);
  };
}
