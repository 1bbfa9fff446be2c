import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '../db/index.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { createDatabase, dropDatabases } from './pg-admin.js';

export const testDialect = (): 'sqlite' | 'postgres' => inject('testDb');

export interface TestDatabase {
  handle: DbHandle;
  /** PostgreSQL URL, or undefined on SQLite (the file lives in the DATA_DIR). */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * The database a test file works in. PostgreSQL: the run's shared database (other files use it at
 * the same time, so tests make their own districts, units and accounts and never count whole tables).
 * SQLite: a new file in the given fresh DATA_DIR.
 */
export async function openSharedDatabase(dataDir: string): Promise<TestDatabase> {
  if (testDialect() === 'postgres') {
    const url = inject('pgUrl');
    const handle = openDatabase({ dataDir, databaseUrl: url });
    return { handle, url, close: () => handle.close() };
  }
  const handle = openDatabase({ dataDir });
  await migrateToLatest(handle.db, handle.dialect);
  return { handle, url: undefined, close: () => handle.close() };
}

/**
 * A database nobody else writes to, for tests that change global state (security settings), count
 * whole tables, or tamper with the audit chain. PostgreSQL: created, migrated, dropped on close.
 */
export async function openIsolatedDatabase(dataDir: string): Promise<TestDatabase> {
  if (testDialect() !== 'postgres') return openSharedDatabase(dataDir);
  const name = `${inject('pgDbName')}_iso_${randomBytes(3).toString('hex')}`;
  const admin = inject('pgAdminUrl');
  const url = await createDatabase(admin, name);
  const handle = openDatabase({ dataDir, databaseUrl: url });
  await migrateToLatest(handle.db, handle.dialect);
  return {
    handle,
    url,
    close: async () => {
      await handle.close();
      await dropDatabases(admin, name);
    },
  };
}
