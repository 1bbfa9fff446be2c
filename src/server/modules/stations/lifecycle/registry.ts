import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { containsText, toInt, type DbOrTrx } from '../../../db/index.js';
import { authorizeType, type Actor } from '../../../policy/index.js';
import { assessStation } from '../../../../shared/stations/adjustment.js';

export const STATUS_LABELS: Record<string, string> = {
  active: '正常',
  rectification: '整改期',
  deregistered: '已注销',
};

export const ListStationsQuery = z.object({
  status: z.enum(['active', 'rectification', 'deregistered']).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(64).optional(),
  /** Only stations without a recruit for two years or more. */
  atRisk: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListStationsFilter = z.infer<typeof ListStationsQuery>;

/** The registry in the caller's scope: the city all, a district its own, a unit its station. */
export async function listStations(
  db: DbOrTrx,
  actor: Actor,
  f: ListStationsFilter,
  today: string,
  all = false,
) {
  authorizeType(actor, 'station', 'list');
  let q = db
    .selectFrom('stations as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('regions as r', 'r.id', 's.region_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('recruits')
          .select(['station_id', (e) => e.fn.max('entry_date').as('last_entry')])
          .groupBy('station_id')
          .as('rc'),
      (join) => join.onRef('rc.station_id', '=', 's.id'),
    );
  if (actor.role === 'district_officer') q = q.where('s.region_id', '=', actor.regionId ?? -1);
  else if (actor.role === 'unit') q = q.where('s.unit_id', '=', actor.unitId ?? -1);
  else if (actor.role !== 'municipal_officer') throw new AppError('FORBIDDEN');
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.regionId) q = q.where('s.region_id', '=', f.regionId);
  if (f.q) q = q.where((eb) => eb.or([containsText('u.name', f.q!), containsText('s.number', f.q!)]));
  const select = q
    .select([
      's.id',
      's.number',
      's.status',
      's.national_cultivation',
      's.certified_at',
      's.count_from',
      's.deregistration_proposed_at',
      'u.name as unit_name',
      'r.name as region_name',
      'rc.last_entry',
    ])
    .orderBy('s.certified_at', 'desc')
    .orderBy('s.id', 'desc');
  const shape = (r: Awaited<ReturnType<typeof select.execute>>[number]) => {
    const from =
      r.count_from && r.count_from > r.certified_at.slice(0, 10) ? r.count_from : r.certified_at.slice(0, 10);
    const a = assessStation({ certifiedOn: from, recruitEntries: r.last_entry ? [r.last_entry] : [] }, today);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      nationalCultivation: r.national_cultivation === 1,
      certifiedAt: r.certified_at,
      unitName: r.unit_name,
      regionName: r.region_name,
      lastEntry: r.last_entry,
      yearsWithoutRecruit: a.yearsWithoutRecruit,
      atRisk: r.status !== 'deregistered' && a.atRisk,
      deregistrationProposed: r.deregistration_proposed_at !== null,
    };
  };
  if (f.atRisk === '1') {
    // "At risk" is computed by the rule, so it is filtered here (registries are thousands, not millions).
    const risky = (await select.execute()).map(shape).filter((s) => s.atRisk);
    const items = all ? risky : risky.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
    return { items, total: risky.length, page: f.page, pageSize: f.pageSize };
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = all
    ? await select.execute()
    : await select
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
  return { items: rows.map(shape), total: toInt(n), page: f.page, pageSize: f.pageSize };
}
