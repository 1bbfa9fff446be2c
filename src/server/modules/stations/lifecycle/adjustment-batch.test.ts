import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../core/audit.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { todayInChina } from '../../../../shared/roles.js';
import { seedStations } from '../../../../../scripts/bench/seed.js';
import { plannedChange, runAdjustment, type StationStatus } from './adjustment-job.js';

/*
 * The adjustment job over a registry larger than one write batch (500), in a database of its own:
 * every planned change is made once, with its event, audit record (the chain still verifies) and
 * notice to the right accounts; a second run makes only the follow-up proposals.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ isolated: true });
});
afterAll(async () => t.close());

describe('runAdjustment in batches', () => {
  it('makes each planned change once, audited and notified, across several batches', async () => {
    const today = todayInChina();
    await seedStations(t.db, 1500, today, 7);
    const facts = await t.db
      .selectFrom('stations as s')
      .leftJoin('recruits as r', 'r.station_id', 's.id')
      .select(['s.id', 's.number', 's.unit_id', 's.region_id', 's.status', 's.certified_at', 's.count_from'])
      .select((eb) => eb.fn.max('r.entry_date').as('last_entry'))
      .groupBy(['s.id', 's.number', 's.unit_id', 's.region_id', 's.status', 's.certified_at', 's.count_from'])
      .execute();
    const planned = new Map(
      facts.flatMap((f) => {
        const c = plannedChange(
          {
            id: f.id,
            number: f.number,
            unitId: f.unit_id,
            regionId: f.region_id,
            status: f.status as StationStatus,
            certifiedAt: f.certified_at,
            countFrom: f.count_from,
            proposedAt: null,
            lastEntry: f.last_entry,
          },
          today,
        );
        return c ? [[f.number, c] as const] : [];
      }),
    );
    const byKind = (k: string) =>
      [...planned]
        .filter(([, c]) => c === k)
        .map(([n]) => n)
        .sort();
    expect(planned.size).toBeGreaterThan(500);

    const report = await runAdjustment(t.db, t.dialect, today);
    expect(report.checked).toBe(1500);
    expect([...report.toRectification].sort()).toEqual(byKind('to_rectification'));
    expect([...report.toActive].sort()).toEqual(byKind('to_active'));
    expect([...report.proposed].sort()).toEqual(byKind('proposed'));

    const changes = planned.size;
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_name'])
      .where('entity_type', '=', 'station')
      .execute();
    expect(audit).toHaveLength(changes);
    expect(new Set(audit.map((a) => a.entity_id)).size).toBe(changes);
    expect(audit.every((a) => a.actor_name === 'anonymous')).toBe(true);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: changes });
    const events = await t.db.selectFrom('station_events').select('action').execute();
    expect(events).toHaveLength(changes);

    const outbox = await t.db.selectFrom('outbox').select('payload').execute();
    expect(outbox).toHaveLength(changes);
    const first = report.toRectification[0]!;
    const station = await t.db
      .selectFrom('stations')
      .select(['id', 'unit_id', 'region_id'])
      .where('number', '=', first)
      .executeTakeFirstOrThrow();
    const recipients = await t.db
      .selectFrom('users')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('unit_id', '=', station.unit_id),
          eb.and([eb('role', '=', 'district_officer'), eb('region_id', '=', station.region_id)]),
        ]),
      )
      .orderBy('id')
      .execute();
    const notice = outbox
      .map((o) => JSON.parse(o.payload) as { title: string; userIds: number[]; link: string })
      .find((p) => p.title === `工作站 ${first} 进入整改期`)!;
    expect(notice.link).toBe(`/console/stations/${station.id}`);
    expect([...notice.userIds].sort((a, b) => a - b)).toEqual(recipients.map((r) => r.id));

    // The second run proposes deregistration for those now in rectification past their fourth year.
    const second = await runAdjustment(t.db, t.dialect, today);
    expect(second.toRectification).toEqual([]);
    expect(second.toActive).toEqual([]);
    const third = await runAdjustment(t.db, t.dialect, today);
    expect([...third.toRectification, ...third.toActive, ...third.proposed]).toEqual([]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
