import type { CommandCtx } from '../../core/context.js';
import { nowIso } from '../../db/index.js';
import type { ApplicationRecord } from './load.js';

/**
 * Certification creates the station record (设站) with its number: `CQBH-<year>-<seq>`, the sequence
 * counting the stations certified that year. The unique index on `number` makes a concurrent
 * certification that picked the same number fail (DUPLICATE) rather than share it.
 */
export async function certifyStation(
  ctx: CommandCtx,
  app: ApplicationRecord,
): Promise<{ id: number; number: string }> {
  const now = nowIso();
  const year = now.slice(0, 4);
  const prefix = `CQBH-${year}-`;
  const last = await ctx.trx
    .selectFrom('stations')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  const number = `${prefix}${String(seq).padStart(4, '0')}`;
  const row = await ctx.trx
    .insertInto('stations')
    .values({
      number,
      unit_id: app.unitId,
      region_id: app.regionId,
      application_id: app.id,
      batch_id: app.batchId,
      level: 'municipal',
      national_cultivation: 0,
      status: 'active',
      certified_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The station's own history starts with its certification.
  await ctx.trx
    .insertInto('station_events')
    .values({
      station_id: row.id,
      action: 'certified',
      from_status: 'none',
      to_status: 'active',
      actor_id: ctx.actor?.id ?? null,
      actor_name: ctx.actor?.displayName ?? 'system',
      at: now,
    })
    .execute();
  return { id: row.id, number };
}
