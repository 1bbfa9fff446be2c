import type { Trx } from '../db/index.js';

/**
 * Fixed-window counter kept in the database, so every app node counts the same hits.
 * Returns false once `max` hits were counted in the current window. Both steps are single atomic
 * statements, so concurrent requests cannot read the same count and slip past the limit.
 */
export async function hitRateLimit(
  trx: Trx,
  key: string,
  windowMs: number,
  max: number,
  now = new Date(),
): Promise<boolean> {
  const nowS = now.toISOString();
  const windowOver = new Date(now.getTime() - windowMs).toISOString();
  // A new window, when there is none yet or the last one is over.
  const started = await trx
    .insertInto('rate_limits')
    .values({ key, window_start: nowS, hits: 1 })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ window_start: nowS, hits: 1 })
        .where('rate_limits.window_start', '<=', windowOver),
    )
    .executeTakeFirst();
  if (Number(started.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  // Otherwise count the hit in the current window, unless it is used up.
  const counted = await trx
    .updateTable('rate_limits')
    .set((eb) => ({ hits: eb('hits', '+', 1) }))
    .where('key', '=', key)
    .where('hits', '<', max)
    .executeTakeFirst();
  return Number(counted.numUpdatedRows) === 1;
}
