import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { containsText, toInt, type DbOrTrx } from '../../db/index.js';
import { authorizeType, type Actor } from '../../policy/index.js';
import { APPLICATION_STATES } from './workflow.js';

export const ListApplicationsQuery = z.object({
  state: z.enum(APPLICATION_STATES).optional(),
  q: z.string().trim().max(64).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  batchId: z.coerce.number().int().positive().optional(),
  unbatched: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListApplicationsFilter = z.infer<typeof ListApplicationsQuery>;

/** The caller's queue: the unit its own; a district office its district; the city everything submitted. */
function scoped(db: DbOrTrx, actor: Actor, f: ListApplicationsFilter) {
  authorizeType(actor, 'application', 'list');
  let q = db
    .selectFrom('station_applications as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('regions as r', 'r.id', 'a.region_id');
  if (actor.role === 'unit') q = q.where('a.unit_id', '=', actor.unitId ?? -1);
  else if (actor.role === 'district_officer')
    q = q.where('a.region_id', '=', actor.regionId ?? -1).where('a.state', '!=', 'draft');
  else if (actor.role === 'municipal_officer') q = q.where('a.state', '!=', 'draft');
  else throw new AppError('FORBIDDEN');
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.regionId) q = q.where('a.region_id', '=', f.regionId);
  if (f.batchId) q = q.where('a.batch_id', '=', f.batchId);
  if (f.unbatched === '1') q = q.where('a.batch_id', 'is', null);
  if (f.q) q = q.where((eb) => eb.or([containsText('u.name', f.q!), containsText('u.credit_code', f.q!)]));
  return q;
}

export async function listApplications(db: DbOrTrx, actor: Actor, f: ListApplicationsFilter, all = false) {
  const q = scoped(db, actor, f);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = q
    .select([
      'a.id',
      'a.state',
      'a.batch_id',
      'a.submitted_at',
      'a.updated_at',
      'a.last_opinion',
      'u.name as unit_name',
      'u.credit_code',
      'r.name as region_name',
    ])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc');
  if (!all) rows = rows.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const items = (await rows.execute()).map((r) => ({
    id: r.id,
    state: r.state,
    batchId: r.batch_id,
    unitName: r.unit_name,
    creditCode: r.credit_code,
    regionName: r.region_name,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    lastOpinion: r.last_opinion,
  }));
  return { items, total: toInt(n), page: f.page, pageSize: f.pageSize };
}
