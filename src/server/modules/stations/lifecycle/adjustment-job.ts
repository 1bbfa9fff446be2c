import { writeAuditMany } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { enqueueMany } from '../../../core/outbox.js';
import type { Db, DialectName, Trx } from '../../../db/index.js';
import { nowIso } from '../../../db/index.js';
import type { Actor } from '../../../policy/index.js';
import { assessStation, type AdjustmentStatus } from '../../../../shared/stations/adjustment.js';
import { staffUserIds } from '../load.js';

export type StationStatus = 'active' | 'rectification' | 'deregistered';

export interface StationFacts {
  id: number;
  number: string;
  unitId: number;
  regionId: number;
  status: StationStatus;
  certifiedAt: string;
  countFrom: string | null;
  proposedAt: string | null;
  lastEntry: string | null;
}

export type Change = 'to_rectification' | 'to_active' | 'proposed';

/** What the rule asks for this station now, or null when nothing changes. Pure. */
export function plannedChange(s: StationFacts, today: string): Change | null {
  if (s.status === 'deregistered') return null;
  const from =
    s.countFrom && s.countFrom > s.certifiedAt.slice(0, 10) ? s.countFrom : s.certifiedAt.slice(0, 10);
  const a: AdjustmentStatus = assessStation(
    { certifiedOn: from, recruitEntries: s.lastEntry ? [s.lastEntry] : [] },
    today,
  ).status;
  if (s.status === 'active' && a !== 'active') return 'to_rectification';
  if (s.status === 'rectification' && a === 'active') return 'to_active';
  if (s.status === 'rectification' && a === 'propose_deregistration' && !s.proposedAt) return 'proposed';
  return null;
}

const SYSTEM = { name: 'system', role: 'system' };
const TO: Record<Change, StationStatus> = {
  to_rectification: 'rectification',
  to_active: 'active',
  proposed: 'rectification',
};
const FROM: Record<Change, StationStatus> = {
  to_rectification: 'active',
  to_active: 'rectification',
  proposed: 'rectification',
};

function notice(change: Change, number: string): { title: string; body: string } {
  if (change === 'to_rectification')
    return {
      title: `工作站 ${number} 进入整改期`,
      body: '该工作站已连续三年未招收博士后研究人员，进入为期一年的整改期；整改期内仍未招收的，将被提请注销设站资格。',
    };
  if (change === 'to_active')
    return { title: `工作站 ${number} 恢复正常`, body: '整改期内已招收博士后研究人员，工作站恢复正常状态。' };
  return {
    title: `工作站 ${number} 提请注销`,
    body: '整改期届满仍未招收博士后研究人员，请市博管办确认是否注销设站资格。',
  };
}

/** Active accounts to tell: each unit's own, each district's officers, and the municipal office. */
async function recipients(trx: Trx, unitIds: number[]) {
  const byUnit = new Map<number, number[]>();
  const byRegion = new Map<number, number[]>();
  const add = (m: Map<number, number[]>, k: number, v: number) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  if (unitIds.length > 0) {
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'unit_id'])
      .where('unit_id', 'in', unitIds)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    for (const r of rows) add(byUnit, r.unit_id!, r.id);
  }
  const district = await trx
    .selectFrom('users')
    .select(['id', 'region_id'])
    .where('role', '=', 'district_officer')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  for (const r of district) if (r.region_id !== null) add(byRegion, r.region_id, r.id);
  const city = (await staffUserIds(trx, 'municipal_officer')).sort((a, b) => a - b);
  return {
    unit: (id: number) => byUnit.get(id) ?? [],
    district: (id: number) => byRegion.get(id) ?? [],
    city,
  };
}

/**
 * Applies changes (at most a few hundred) in the caller's transaction: a compare-and-set on the
 * status per kind of change (`UPDATE … WHERE id IN … AND status = from RETURNING id`), then for each
 * station that changed an event, an audit record and notices, each written in multi-row statements.
 * Returns the changes that took effect (a station changed meanwhile by someone else is left alone).
 */
async function applyMany(
  trx: Trx,
  dialect: DialectName,
  actor: Actor | null,
  items: Array<[StationFacts, Change]>,
  today: string,
): Promise<Array<[StationFacts, Change]>> {
  const now = nowIso();
  const changed = new Set<number>();
  for (const change of ['to_rectification', 'to_active', 'proposed'] as const) {
    const ids = items.filter(([, c]) => c === change).map(([f]) => f.id);
    if (ids.length === 0) continue;
    const rows = await trx
      .updateTable('stations')
      .set({
        status: TO[change],
        status_changed_at: change === 'proposed' ? undefined : now,
        deregistration_proposed_at: change === 'proposed' ? now : change === 'to_active' ? null : undefined,
      })
      .where('id', 'in', ids)
      .where('status', '=', FROM[change])
      .returning('id')
      .execute();
    for (const r of rows) changed.add(r.id);
  }
  // Only a station whose status was the one planned from changed (the CAS above checks FROM).
  const done = items.filter(([f, c]) => changed.has(f.id) && f.status === FROM[c]);
  if (done.length === 0) return done;
  await trx
    .insertInto('station_events')
    .values(
      done.map(([s, change]) => ({
        station_id: s.id,
        action: `adjustment.${change}`,
        from_status: s.status,
        to_status: TO[change],
        actor_id: actor?.id ?? null,
        actor_name: actor?.displayName ?? SYSTEM.name,
        at: now,
      })),
    )
    .execute();
  const ctx: CommandCtx = { trx, dialect, actor, ip: '127.0.0.1', userAgent: 'adjustment-job' };
  await writeAuditMany(
    ctx,
    done.map(([s, change]) => ({
      action: `station.${change}`,
      entityType: 'station',
      entityId: s.id,
      regionId: s.regionId,
      before: { status: s.status },
      after: { status: TO[change], today },
    })),
  );
  const who = await recipients(trx, [...new Set(done.map(([s]) => s.unitId))]);
  await enqueueMany(
    trx,
    'notify',
    done.map(([s, change]) => ({
      userIds:
        change === 'proposed'
          ? [...who.city, ...who.district(s.regionId)]
          : [...who.unit(s.unitId), ...who.district(s.regionId)],
      ...notice(change, s.number),
      link: `/console/stations/${s.id}`,
    })),
  );
  return done;
}

function factsQuery(db: Db | Trx) {
  return db
    .selectFrom('stations as s')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('recruits')
          .select(['station_id', (e) => e.fn.max('entry_date').as('last_entry')])
          .groupBy('station_id')
          .as('r'),
      (join) => join.onRef('r.station_id', '=', 's.id'),
    )
    .select([
      's.id',
      's.number',
      's.unit_id',
      's.region_id',
      's.status',
      's.certified_at',
      's.count_from',
      's.deregistration_proposed_at',
      'r.last_entry',
    ])
    .where('s.status', '!=', 'deregistered');
}

type FactsRow = {
  id: number;
  number: string;
  unit_id: number;
  region_id: number;
  status: string;
  certified_at: string;
  count_from: string | null;
  deregistration_proposed_at: string | null;
  last_entry: string | null;
};
const toFacts = (r: FactsRow): StationFacts => ({
  id: r.id,
  number: r.number,
  unitId: r.unit_id,
  regionId: r.region_id,
  status: r.status as StationStatus,
  certifiedAt: r.certified_at,
  countFrom: r.count_from,
  proposedAt: r.deregistration_proposed_at,
  lastEntry: r.last_entry,
});

export interface AdjustmentReport {
  checked: number;
  toRectification: string[];
  toActive: string[];
  proposed: string[];
}

/**
 * The adjustment check over every live station (scheduled daily under a lock, and on demand).
 * Reads all stations with their latest entry in one query, then writes only the changes, in
 * transactions of up to 500.
 */
export async function runAdjustment(
  db: Db,
  dialect: DialectName,
  today: string,
  actor: Actor | null = null,
): Promise<AdjustmentReport> {
  const rows = await factsQuery(db).execute();
  const planned: Array<[StationFacts, Change]> = [];
  for (const r of rows) {
    const f = toFacts(r);
    const c = plannedChange(f, today);
    if (c) planned.push([f, c]);
  }
  const report: AdjustmentReport = { checked: rows.length, toRectification: [], toActive: [], proposed: [] };
  for (let i = 0; i < planned.length; i += 500) {
    const done = await db
      .transaction()
      .execute((trx) => applyMany(trx, dialect, actor, planned.slice(i, i + 500), today));
    for (const [f, c] of done)
      (c === 'to_rectification'
        ? report.toRectification
        : c === 'to_active'
          ? report.toActive
          : report.proposed
      ).push(f.number);
  }
  return report;
}

/** Re-checks one station inside the caller's transaction (e.g. right after a recruit is recorded). */
export async function reassessStation(
  ctx: CommandCtx,
  stationId: number,
  today: string,
): Promise<Change | null> {
  const r = await factsQuery(ctx.trx).where('s.id', '=', stationId).executeTakeFirst();
  if (!r) return null;
  const f = toFacts(r);
  const c = plannedChange(f, today);
  if (!c) return null;
  const done = await applyMany(ctx.trx, ctx.dialect, ctx.actor, [[f, c]], today);
  return done.length === 1 ? c : null;
}
