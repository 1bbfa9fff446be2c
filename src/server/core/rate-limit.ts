import type { Trx } from '../db/index.js';

/**
 * Fixed-window counter kept in the database, so every app node counts the same hits.
 * Returns false once `max` hits were counted in the current window.
 */
export async function hitRateLimit(
  trx: Trx,
  key: string,
  windowMs: number,
  max: number,
  now = new Date(),
): Promise<boolean> {
  const row = await trx
    .selectFrom('rate_limits')
    .select(['window_start', 'hits'])
    .where('key', '=', key)
    .executeTakeFirst();
  const nowS = now.toISOString();
  if (!row || now.getTime() - new Date(row.window_start).getTime() >= windowMs) {
    await trx
      .insertInto('rate_limits')
      .values({ key, window_start: nowS, hits: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: nowS, hits: 1 }))
      .execute();
    return true;
  }
  if (row.hits >= max) return false;
  await trx
    .updateTable('rate_limits')
    .set({ hits: row.hits + 1 })
    .where('key', '=', key)
    .execute();
  return true;
}
