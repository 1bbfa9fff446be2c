import { expect } from 'vitest';
import { toInt, type Db } from '../db/index.js';
import type { AuditRow } from '../db/schema.js';

/** The id of the newest audit record: records of a step have larger ids. */
export async function auditMark(db: Db): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return toInt(r?.m ?? 0);
}

/**
 * Audit records after `since` that concern this test: by one of its actors, or about one of its
 * accounts (other files write to the shared chain at the same time).
 */
export async function auditSince(
  db: Db,
  since: number,
  mine: { actorIds?: number[]; accountIds?: number[]; entities?: Array<[string, string | number]> },
): Promise<AuditRow[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', since).orderBy('id').execute();
  const actors = new Set(mine.actorIds ?? []);
  const keys = new Set([
    ...(mine.accountIds ?? []).map((id) => `account:${id}`),
    ...(mine.entities ?? []).map(([t, id]) => `${t}:${id}`),
  ]);
  return rows.filter(
    (r) => (r.actor_id !== null && actors.has(r.actor_id)) || keys.has(`${r.entity_type}:${r.entity_id}`),
  );
}

export const parseJson = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));

/** No audit record carries a password or a password hash, under any key. */
export function expectNoSecrets(rows: AuditRow[], secrets: string[] = []): void {
  for (const r of rows) {
    for (const text of [r.before_json, r.after_json]) {
      if (text === null) continue;
      expect(text).not.toMatch(/scrypt\$/);
      expect(text).not.toMatch(
        /"(password|password_hash|passwordHash|newPassword|currentPassword|initialPassword)"/,
      );
      for (const s of secrets) expect(text).not.toContain(s);
    }
  }
}

export const TABLES = ['users', 'units', 'person_profiles', 'audit_log', 'outbox', 'sessions'] as const;
export type CountedTable = (typeof TABLES)[number];

/** Row counts of whole tables: only meaningful in a database no other test writes to. */
export async function countRows(db: Db): Promise<Record<CountedTable, number>> {
  const out = {} as Record<CountedTable, number>;
  for (const t of TABLES) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = toInt(r.n);
  }
  return out;
}
