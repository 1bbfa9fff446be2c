import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the root handle or a transaction: commands accept both. */
export type DbOrTrx = Db | Trx;
export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

/** SQLite under DATA_DIR by default; PostgreSQL when a URL is given. */
export function openDatabase(opts: { dataDir: string; databaseUrl?: string | undefined }): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    pool.on('error', (err) => console.error(`PostgreSQL connection error: ${err.message}`));
    // A connection in use (a transaction between statements) that the server drops emits 'error' on its
    // client, which the pool does not listen to: without this the process would die on a database
    // restart. The statement waiting on it fails (503 DB_UNAVAILABLE) and the pool discards the client.
    pool.on('connect', (client) =>
      client.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`)),
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'bohou.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Statistics for the planner (tables analysed when they changed a lot, with a row limit so it stays
  // quick); the scheduler repeats `pragma optimize` hourly.
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** PostgreSQL returns count(*) as a string (bigint); SQLite as a number. */
export function toInt(v: string | number | bigint | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : Number(v);
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * Case-insensitive "contains" for user text on both engines: `%`, `_` and `\` in the text are
 * literal (SQLite has no default LIKE escape, so it is spelled out).
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
