import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx, DialectName } from '../../db/index.js';

/*
 * What a backup holds, table by table, engine-independent: every table the migrations made, rows as JSON
 * with sorted keys, in primary-key order. Left out: the migration bookkeeping (the target is migrated by
 * this code), derived search indexes (rebuilt on restore), and what is only about live processes
 * (sessions, rate-limit windows, job leases).
 */
const SKIPPED = new Set(['sessions', 'rate_limits', 'job_locks']);
const SKIPPED_PREFIXES = ['kysely_', 'sqlite_', 'challenges_fts'];
/** Columns derived from others (PostgreSQL's search vector), rebuilt on restore. */
const DERIVED_COLUMNS: Record<string, readonly string[]> = { challenges: ['tsv'] };

export interface TableInfo {
  name: string;
  columns: string[];
  /** Ordered by this (the primary key, or every column for key-less tables). */
  orderBy: string[];
  /** Has an `id` serial/identity column (its sequence is reset after a restore on PostgreSQL). */
  hasId: boolean;
}

async function primaryKey(db: DbOrTrx, dialect: DialectName, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const rows = await sql<{
      name: string;
      pk: number;
    }>`select name, pk from pragma_table_info(${table})`.execute(db);
    return rows.rows
      .filter((r) => r.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((r) => r.name);
  }
  const rows = await sql<{ column_name: string }>`
    select a.attname as column_name from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${table}::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`.execute(
    db,
  );
  return rows.rows.map((r) => r.column_name);
}

/** Table → the tables it references (foreign keys), for insertion order. */
async function references(
  db: DbOrTrx,
  dialect: DialectName,
  tables: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map(tables.map((t) => [t, new Set<string>()]));
  if (dialect === 'sqlite') {
    for (const t of tables) {
      const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(db);
      for (const fk of fks.rows) if (fk.table !== t && out.has(fk.table)) out.get(t)!.add(fk.table);
    }
    return out;
  }
  const fks = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
  for (const fk of fks.rows)
    if (fk.child !== fk.parent && out.has(fk.child) && out.has(fk.parent)) out.get(fk.child)!.add(fk.parent);
  return out;
}

/** Every backed-up table, parents before children. */
export async function backupTables(db: DbOrTrx, dialect: DialectName): Promise<TableInfo[]> {
  const all = await db.introspection.getTables();
  const kept = all
    .filter((t) => !t.isView && !SKIPPED.has(t.name) && !SKIPPED_PREFIXES.some((p) => t.name.startsWith(p)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const refs = await references(
    db,
    dialect,
    kept.map((t) => t.name),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of [...(refs.get(name) ?? [])].sort()) visit(parent, path);
    ordered.push(name);
  };
  for (const t of kept) visit(t.name, new Set());
  const infos: TableInfo[] = [];
  for (const name of ordered) {
    const t = kept.find((k) => k.name === name)!;
    const derived = DERIVED_COLUMNS[name] ?? [];
    const columns = t.columns
      .map((c) => c.name)
      .filter((c) => !derived.includes(c))
      .sort();
    const pk = await primaryKey(db, dialect, name);
    infos.push({ name, columns, orderBy: pk.length ? pk : columns, hasId: columns.includes('id') });
  }
  return infos;
}

export type Row = Record<string, unknown>;

/** One row as the backup writes it: the kept columns, sorted, with engine differences smoothed. */
export function canonicalRow(info: TableInfo, r: Row): Row {
  const out: Row = {};
  for (const c of info.columns) {
    const v = r[c];
    out[c] =
      typeof v === 'bigint'
        ? Number(v)
        : v instanceof Date
          ? v.toISOString()
          : Buffer.isBuffer(v)
            ? v.toString('base64')
            : (v ?? null);
  }
  return out;
}

/** Reads a table page by page in key order, `fn` called per page. */
export async function eachPage(
  db: DbOrTrx,
  info: TableInfo,
  fn: (rows: Row[]) => Promise<void>,
  size = 2000,
): Promise<void> {
  for (let offset = 0; ; offset += size) {
    const order = sql.join(info.orderBy.map((c) => sql.ref(c)));
    const page =
      await sql<Row>`select ${sql.join(info.columns.map((c) => sql.ref(c)))} from ${sql.table(info.name)} order by ${order} limit ${size} offset ${offset}`.execute(
        db,
      );
    if (page.rows.length === 0) return;
    await fn(page.rows.map((r) => canonicalRow(info, r)));
    if (page.rows.length < size) return;
  }
}

/** A running SHA-256 over a table's canonical rows, one JSON line each. */
export function tableHasher() {
  const h = createHash('sha256');
  let rows = 0;
  return {
    add(line: string) {
      h.update(line).update('\n');
      rows++;
    },
    done: () => ({ rows, sha256: h.digest('hex') }),
  };
}
