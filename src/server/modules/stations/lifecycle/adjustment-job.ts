import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { enqueue } from '../../../core/outbox.js';
import type { Db, DialectName, Trx } from '../../../db/index.js';
import { nowIso } from '../../../db/index.js';
import type { Actor } from '../../../policy/index.js';
import { assessStation, type AdjustmentStatus } from '../../../../shared/stations/adjustment.js';
import { staffUserIds, unitUserIds } from '../load.js';

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

/** Applies one change with compare-and-set on the status, an event, an audit record and notices. */
async function apply(
  trx: Trx,
  dialect: DialectName,
  actor: Actor | null,
  s: StationFacts,
  change: Change,
  today: string,
): Promise<boolean> {
  const now = nowIso();
  const to: StationStatus = change === 'to_active' ? 'active' : 'rectification';
  const res = await trx
    .updateTable('stations')
    .set({
      status: to,
      status_changed_at: change === 'proposed' ? undefined : now,
      deregistration_proposed_at: change === 'proposed' ? now : change === 'to_active' ? null : undefined,
    })
    .where('id', '=', s.id)
    .where('status', '=', s.status)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('station_events')
    .values({
      station_id: s.id,
      action: `adjustment.${change}`,
      from_status: s.status,
      to_status: to,
      actor_id: actor?.id ?? null,
      actor_name: actor?.displayName ?? SYSTEM.name,
      at: now,
    })
    .execute();
  const ctx: CommandCtx = { trx, dialect, actor, ip: '127.0.0.1', userAgent: 'adjustment-job' };
  await writeAudit(ctx, {
    action: `station.${change}`,
    entityType: 'station',
    entityId: s.id,
    regionId: s.regionId,
    before: { status: s.status },
    after: { status: to, today },
  });
  const link = `/console/stations/${s.id}`;
  const units = await unitUserIds(trx, s.unitId);
  const district = await staffUserIds(trx, 'district_officer', s.regionId);
  if (change === 'to_rectification') {
    await enqueue(trx, 'notify', {
      userIds: [...units, ...district],
      title: `工作站 ${s.number} 进入整改期`,
      body: '该工作站已连续三年未招收博士后研究人员，进入为期一年的整改期；整改期内仍未招收的，将被提请注销设站资格。',
      link,
    });
  } else if (change === 'to_active') {
    await enqueue(trx, 'notify', {
      userIds: [...units, ...district],
      title: `工作站 ${s.number} 恢复正常`,
      body: '整改期内已招收博士后研究人员，工作站恢复正常状态。',
      link,
    });
  } else {
    const city = await staffUserIds(trx, 'municipal_officer');
    await enqueue(trx, 'notify', {
      userIds: [...city, ...district],
      title: `工作站 ${s.number} 提请注销`,
      body: '整改期届满仍未招收博士后研究人员，请市博管办确认是否注销设站资格。',
      link,
    });
  }
  return true;
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
    await db.transaction().execute(async (trx) => {
      for (const [f, c] of planned.slice(i, i + 500)) {
        if (!(await apply(trx, dialect, actor, f, c, today))) continue;
        (c === 'to_rectification'
          ? report.toRectification
          : c === 'to_active'
            ? report.toActive
            : report.proposed
        ).push(f.number);
      }
    });
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
  if (c && (await apply(ctx.trx, ctx.dialect, ctx.actor, f, c, today))) return c;
  return null;
}
