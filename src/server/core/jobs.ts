import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';

/** This process, as a lock holder. */
export const NODE_ID = randomUUID();

/**
 * Takes a named lock in the database for `ttlMs`, so a scheduled job runs on one node at a time.
 * Compare-and-set: a lock is taken only if absent or expired — also against this node's own live lock,
 * so a run that overlaps the previous one (a slow job, a short interval) waits its turn. Returns false
 * when the lock is held.
 */
export async function tryLock(db: Db, name: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs).toISOString();
  const nowS = now.toISOString();
  const inserted = await db
    .insertInto('job_locks')
    .values({ name, holder: NODE_ID, locked_until: until })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const res = await db
    .updateTable('job_locks')
    .set({ holder: NODE_ID, locked_until: until })
    .where('name', '=', name)
    .where('locked_until', '<', nowS)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function unlock(db: Db, name: string): Promise<void> {
  await db.deleteFrom('job_locks').where('name', '=', name).where('holder', '=', NODE_ID).execute();
}

/** Runs `fn` under the lock, or not at all if another node holds it. */
export async function withLock<T>(
  db: Db,
  name: string,
  ttlMs: number,
  fn: () => Promise<T>,
): Promise<T | undefined> {
  if (!(await tryLock(db, name, ttlMs))) return undefined;
  try {
    return await fn();
  } finally {
    await unlock(db, name);
  }
}
