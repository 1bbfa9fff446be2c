import type { Db } from '../../db/index.js';
import { TEMP_MARK, type Storage } from '../../core/storage.js';

/** How old an unreferenced object must be before it is removed: its transaction may still be open. */
export const ORPHAN_GRACE_MS = 60 * 60_000;

/**
 * Keys this sweep owns: uploads and generated files (files.storage_key: `YYYY-MM/<uuid>`) and agreement
 * PDFs (`agreements/<id>/…`). Objects under other keys (development mail, anything a newer module
 * stores) are never touched, except unfinished writes.
 */
const OWNED = [/^\d{4}-\d{2}\/[0-9a-f-]{36}$/, /^agreements\/\d+\/[\w.-]+\.pdf$/];

async function referencedKeys(db: Db): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const r of await db.selectFrom('files').select('storage_key').execute()) keys.add(r.storage_key);
  for (const r of await db.selectFrom('agreements').select(['document_key', 'filed_key']).execute()) {
    keys.add(r.document_key);
    if (r.filed_key) keys.add(r.filed_key);
  }
  return keys;
}

/**
 * Removes what a crash or a rolled-back transaction left in storage: the temporary file of an
 * interrupted write, and a stored object no row refers to (the bytes are written before the row
 * commits), once older than the grace period. Returns the removed keys.
 */
export async function sweepOrphanFiles(
  db: Db,
  storage: Storage,
  now = Date.now(),
  graceMs = ORPHAN_GRACE_MS,
): Promise<string[]> {
  const candidates: string[] = [];
  for await (const o of storage.list()) {
    if (now - o.mtimeMs < graceMs) continue;
    if (o.key.includes(TEMP_MARK) || OWNED.some((re) => re.test(o.key))) candidates.push(o.key);
  }
  if (candidates.length === 0) return [];
  // Read after listing: a row committed meanwhile keeps its object.
  const referenced = await referencedKeys(db);
  const removed = candidates.filter((k) => k.includes(TEMP_MARK) || !referenced.has(k));
  for (const k of removed) await storage.delete(k);
  return removed;
}
