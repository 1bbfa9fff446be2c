import type { DbOrTrx } from '../../db/index.js';
import { matchPriority, PLATFORM_STATION_STATUSES } from '../../../shared/followup/rules.js';

/**
 * 揭榜对接优先 for one unit: a party to a match (poster unit or taking unit) without a certified station
 * (a row in the stations registry that is active or in rectification). The rule is shared/followup.
 */
export async function unitMatchPriority(db: DbOrTrx, unitId: number) {
  const station = await db
    .selectFrom('stations')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('status', 'in', [...PLATFORM_STATION_STATUSES])
    .executeTakeFirst();
  if (station) return null;
  const rows = await db
    .selectFrom('followup_projects')
    .select(['challenge_id', 'title', 'poster_unit_id', 'taker_unit_id'])
    .where((eb) => eb.or([eb('poster_unit_id', '=', unitId), eb('taker_unit_id', '=', unitId)]))
    .orderBy('id')
    .limit(20)
    .execute();
  const flag = matchPriority(
    unitId,
    false,
    rows.map((r) => ({
      challengeId: r.challenge_id,
      title: r.title,
      posterUnitId: r.poster_unit_id,
      takerUnitId: r.taker_unit_id,
    })),
  );
  return flag ? { challenges: flag.challenges.map((c) => ({ ...c, link: `/hall/${c.id}` })) } : null;
}
