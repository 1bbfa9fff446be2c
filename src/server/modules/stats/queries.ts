import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { toInt, type DbOrTrx } from '../../db/index.js';
import { authorizeType, regionScope, type Actor } from '../../policy/index.js';
import { APPLICATION_STATE_LABELS } from '../../../shared/labels.js';
import { listStations } from '../stations/lifecycle/registry.js';
import { APPLICATION_STATES } from '../stations/workflow.js';
import { sql } from 'kysely';

/**
 * Dashboard statistics (seed 000; the municipal office sees the city, a district office only its own
 * district). Every query groups in SQL on text prefixes (`substr` of ISO dates), identical on SQLite
 * and PostgreSQL; months of timestamps are taken in China Standard Time (UTC+8).
 */
export const StatsQuery = z.object({
  /** The municipal office may narrow to one district; a district office may only name its own. */
  regionId: z.coerce.number().int().positive().optional(),
});
export type StatsFilter = z.infer<typeof StatsQuery>;

export interface Scope {
  regionId: number | null;
  regionName: string | null;
}

/** The region the caller may see numbers of: null for the whole city. Others: 403. */
export async function statsScope(db: DbOrTrx, actor: Actor, f: StatsFilter): Promise<Scope> {
  authorizeType(actor, 'stats', 'read');
  const own = regionScope(actor);
  if (own === 'none') throw new AppError('FORBIDDEN');
  if (own !== null && f.regionId !== undefined && f.regionId !== own) throw new AppError('FORBIDDEN');
  const regionId = own ?? f.regionId ?? null;
  if (regionId === null) return { regionId: null, regionName: null };
  const r = await db.selectFrom('regions').select('name').where('id', '=', regionId).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return { regionId, regionName: r.name };
}

const STATION_STATUSES = ['active', 'rectification', 'deregistered'] as const;
export interface StationsRow {
  regionId: number;
  regionName: string;
  active: number;
  rectification: number;
  deregistered: number;
  total: number;
}

/** Stations by district and status; every district in scope is listed, those without stations with 0. */
export async function stationsByDistrict(db: DbOrTrx, scope: Scope) {
  let q = db
    .selectFrom('regions as r')
    .leftJoin('stations as s', 's.region_id', 'r.id')
    .select(['r.id', 'r.name', 'r.sort', 's.status', (eb) => eb.fn.count<number>('s.id').as('n')])
    .where('r.kind', '=', 'district');
  if (scope.regionId !== null) q = q.where('r.id', '=', scope.regionId);
  const rows = await q
    .groupBy(['r.id', 'r.name', 'r.sort', 's.status'])
    .orderBy('r.sort')
    .orderBy('r.id')
    .execute();
  const byRegion = new Map<number, StationsRow>();
  for (const r of rows) {
    const row = byRegion.get(r.id) ?? {
      regionId: r.id,
      regionName: r.name,
      active: 0,
      rectification: 0,
      deregistered: 0,
      total: 0,
    };
    byRegion.set(r.id, row);
    const status = r.status as (typeof STATION_STATUSES)[number] | null;
    if (status && STATION_STATUSES.includes(status)) {
      row[status] += toInt(r.n);
      row.total += toInt(r.n);
    }
  }
  const out = [...byRegion.values()];
  const totals = { active: 0, rectification: 0, deregistered: 0, total: 0 };
  for (const r of out) for (const k of [...STATION_STATUSES, 'total'] as const) totals[k] += r[k];
  return { scope, rows: out, totals };
}

/** Application states shown in statistics: drafts are the unit's own and are not counted. */
export const COUNTED_STATES = APPLICATION_STATES.filter((s) => s !== 'draft');
export type CountedState = (typeof COUNTED_STATES)[number];
export type ApplicationsRow = { month: string; total: number } & Record<CountedState, number>;

/** `YYYY-MM` of a `YYYY-MM-DDTHH` UTC hour, in China Standard Time. */
const chinaMonth = (utcHour: string): string =>
  new Date(Date.parse(`${utcHour}:00:00.000Z`) + 8 * 3_600_000).toISOString().slice(0, 7);

/** Every month from `first` to `last` (YYYY-MM), so a chart has no silent gaps. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (s > last) break;
    out.push(s);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * Applications by their current state and the month they were (first) submitted. Grouped in SQL by
 * the UTC hour, then each hour is moved to its China month: portable, and right at month ends.
 */
export async function applicationsByMonth(db: DbOrTrx, scope: Scope) {
  const hour = sql<string>`substr(${sql.ref('submitted_at')}, 1, 13)`;
  let q = db
    .selectFrom('station_applications')
    .select([hour.as('h'), 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '!=', 'draft')
    .where('submitted_at', 'is not', null);
  if (scope.regionId !== null) q = q.where('region_id', '=', scope.regionId);
  const rows = await q.groupBy([hour, 'state']).execute();
  const byMonth = new Map<string, ApplicationsRow>();
  const empty = (month: string): ApplicationsRow =>
    ({ month, total: 0, ...Object.fromEntries(COUNTED_STATES.map((s) => [s, 0])) }) as ApplicationsRow;
  for (const r of rows) {
    const month = chinaMonth(r.h);
    const row = byMonth.get(month) ?? empty(month);
    byMonth.set(month, row);
    if ((COUNTED_STATES as readonly string[]).includes(r.state)) row[r.state as CountedState] += toInt(r.n);
    row.total += toInt(r.n);
  }
  const months = [...byMonth.keys()].sort();
  const out = months.length
    ? monthRange(months[0]!, months.at(-1)!).map((m) => byMonth.get(m) ?? empty(m))
    : [];
  const totals = empty('');
  for (const r of out) for (const k of [...COUNTED_STATES, 'total'] as const) totals[k] += r[k];
  const { month: _m, ...totalCounts } = totals;
  return {
    scope,
    states: COUNTED_STATES.map((s) => ({
      key: s,
      label: APPLICATION_STATE_LABELS[s]?.['zh-CN'] ?? s,
      labelEn: APPLICATION_STATE_LABELS[s]?.en ?? s,
    })),
    rows: out,
    totals: totalCounts,
  };
}

export interface RecruitsRow {
  year: string;
  /** Postdocs entering (进站) that year. */
  entries: number;
  /** Postdocs leaving (出站) that year. */
  exits: number;
  /** Stations with at least one entry that year. */
  stations: number;
}

/** Recruits per year (entry and exit dates are calendar dates, so the year is their first four characters). */
export async function recruitsByYear(db: DbOrTrx, scope: Scope) {
  const entryYear = sql<string>`substr(${sql.ref('r.entry_date')}, 1, 4)`;
  const exitYear = sql<string>`substr(${sql.ref('r.exit_date')}, 1, 4)`;
  let entries = db
    .selectFrom('recruits as r')
    .innerJoin('stations as s', 's.id', 'r.station_id')
    .select([
      entryYear.as('y'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.count<number>('r.station_id').distinct().as('st'),
    ]);
  let exits = db
    .selectFrom('recruits as r')
    .innerJoin('stations as s', 's.id', 'r.station_id')
    .select([exitYear.as('y'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.exit_date', 'is not', null);
  if (scope.regionId !== null) {
    entries = entries.where('s.region_id', '=', scope.regionId);
    exits = exits.where('s.region_id', '=', scope.regionId);
  }
  const [inRows, outRows] = await Promise.all([
    entries.groupBy(entryYear).execute(),
    exits.groupBy(exitYear).execute(),
  ]);
  const byYear = new Map<string, RecruitsRow>();
  const row = (year: string): RecruitsRow => {
    const r = byYear.get(year) ?? { year, entries: 0, exits: 0, stations: 0 };
    byYear.set(year, r);
    return r;
  };
  for (const r of inRows) Object.assign(row(r.y), { entries: toInt(r.n), stations: toInt(r.st) });
  for (const r of outRows) row(r.y).exits = toInt(r.n);
  const years = [...byYear.keys()].sort();
  const out: RecruitsRow[] = [];
  if (years.length)
    for (let y = Number(years[0]); y <= Number(years.at(-1)); y++) {
      const key = String(y);
      out.push(byYear.get(key) ?? { year: key, entries: 0, exits: 0, stations: 0 });
    }
  const totals = out.reduce((t, r) => ({ entries: t.entries + r.entries, exits: t.exits + r.exits }), {
    entries: 0,
    exits: 0,
  });
  return { scope, rows: out, totals };
}

/** Live stations without a recruit for two years or more (the adjustment rule's "at risk"), by district. */
export async function stationsAtRisk(db: DbOrTrx, actor: Actor, scope: Scope, today: string) {
  const { items } = await listStations(
    db,
    actor,
    { atRisk: '1', regionId: scope.regionId ?? undefined, page: 1, pageSize: 20 },
    today,
    true,
  );
  const rows = items
    .map((s) => ({
      id: s.id,
      number: s.number,
      unitName: s.unitName,
      regionName: s.regionName,
      status: s.status,
      certifiedAt: s.certifiedAt.slice(0, 10),
      lastEntry: s.lastEntry,
      yearsWithoutRecruit: s.yearsWithoutRecruit,
      deregistrationProposed: s.deregistrationProposed,
    }))
    .sort((a, b) => b.yearsWithoutRecruit - a.yearsWithoutRecruit || a.number.localeCompare(b.number));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.regionName, (counts.get(r.regionName) ?? 0) + 1);
  return {
    scope,
    byDistrict: [...counts].map(([regionName, count]) => ({ regionName, count })),
    rows,
    total: rows.length,
  };
}
