import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../index.js';

/** Migrations see the schema through an untyped handle: the typed `Database` describes the result. */
export type MigrationDb = Kysely<unknown>;

export interface BohouMigration {
  name: string;
  up(db: MigrationDb, dialect: DialectName): Promise<void>;
}

/** An auto-increment integer primary key on either engine. */
export function withId<T extends string>(
  t: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function exec(db: MigrationDb, text: string): Promise<void> {
  await sql.raw(text).execute(db);
}
