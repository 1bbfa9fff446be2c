import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../test/client.js';
import { buildActor, buildDistrict, buildUnit, uniq } from '../../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../../test/harness.js';
import { nowIso } from '../../../db/index.js';
import { idCheckChar } from '../../../../shared/id-number.js';
import { addYears } from '../../../../shared/stations/adjustment.js';
import { runAdjustment } from './adjustment-job.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const id = (first17: string): string => first17 + idCheckChar(first17);

/** A station certified on `certified` with recruits entering on `entries`, in a fresh district. */
async function station(certified: string, entries: string[] = [], regionId?: number) {
  const region = regionId ?? (await buildDistrict(t.db)).id;
  const unit = await buildUnit(t.db, { region_id: region });
  const number = uniq('ST').toUpperCase();
  const now = nowIso();
  const s = await t.db
    .insertInto('stations')
    .values({
      number,
      unit_id: unit.id,
      region_id: region,
      level: 'municipal',
      national_cultivation: 0,
      status: 'active',
      certified_at: `${certified}T00:00:00.000Z`,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const owner = await buildActor(t, 'unit', { unitId: unit.id });
  for (const [i, e] of entries.entries()) {
    const res = await owner.client.post(`/api/stations/${s.id}/recruits`, {
      name: `博士后${i}`,
      idNumber: id(`5001031990010${String(100 + i).slice(-3)}1`.slice(0, 17)),
      supervisor: '刘强',
      mobileStation: '重庆大学',
      project: '项目',
      entryDate: e,
    });
    if (res.status !== 201) throw new Error(`recruit: ${res.text}`);
  }
  return { id: s.id, number, unitId: unit.id, regionId: region, owner };
}

describe('dynamic adjustment job', () => {
  it('moves stations with 0–5 years without recruits to the right status, once', async () => {
    const today = '2026-11-23';
    const y = (n: number): string => addYears(today, -n);
    const fresh = await station(y(0));
    const two = await station(y(2));
    const three = await station(y(3));
    const fourish = await station(y(4));
    const five = await station(y(5));
    const recruited = await station(y(5), [y(1)]);

    const first = await runAdjustment(t.db, t.dialect, today);
    for (const s of [fresh, two, recruited]) {
      expect(first.toRectification).not.toContain(s.number);
      expect(first.proposed).not.toContain(s.number);
    }
    for (const s of [three, fourish, five]) expect(first.toRectification).toContain(s.number);

    // The next run proposes deregistration for those past their fourth year, and only them.
    const second = await runAdjustment(t.db, t.dialect, today);
    expect(second.toRectification).not.toContain(three.number);
    expect(second.proposed).toContain(fourish.number);
    expect(second.proposed).toContain(five.number);
    expect(second.proposed).not.toContain(three.number);
    const third = await runAdjustment(t.db, t.dialect, today);
    expect([...third.toRectification, ...third.proposed, ...third.toActive]).not.toContain(five.number);

    const statuses = await t.db
      .selectFrom('stations')
      .select(['number', 'status', 'deregistration_proposed_at'])
      .where('id', 'in', [fresh.id, two.id, three.id, five.id, recruited.id])
      .execute();
    const byNumber = new Map(statuses.map((s) => [s.number, s]));
    expect(byNumber.get(fresh.number)?.status).toBe('active');
    expect(byNumber.get(two.number)?.status).toBe('active');
    expect(byNumber.get(recruited.number)?.status).toBe('active');
    expect(byNumber.get(three.number)).toMatchObject({
      status: 'rectification',
      deregistration_proposed_at: null,
    });
    expect(byNumber.get(five.number)?.status).toBe('rectification');
    expect(byNumber.get(five.number)?.deregistration_proposed_at).not.toBeNull();

    // Other test files share the outbox: keep draining until this notification has arrived.
    const titles = async (): Promise<string[]> =>
      (
        await three.owner.client.get<{ items: Array<{ title: string }> }>('/api/notifications')
      ).body.items.map((n) => n.title);
    await drainUntil(t, async () => (await titles()).includes(`工作站 ${three.number} 进入整改期`));
    expect(await titles()).toContain(`工作站 ${three.number} 进入整改期`);
  });

  it('returns a station in rectification to active when it records a recruit', async () => {
    const s = await station(addYears(nowIso().slice(0, 10), -3));
    const report = await runAdjustment(t.db, t.dialect, nowIso().slice(0, 10));
    expect(report.toRectification).toContain(s.number);
    const res = await s.owner.client.post(`/api/stations/${s.id}/recruits`, {
      name: '新进站',
      idNumber: id('50010319920315123'),
      supervisor: '王老师',
      mobileStation: '西南大学',
      project: '柑橘品种改良',
      entryDate: nowIso().slice(0, 10),
    });
    expect(res.status).toBe(201);
    const detail = await s.owner.client.get<{ status: string; events: Array<{ action: string }> }>(
      `/api/stations/${s.id}`,
    );
    expect(detail.body.status).toBe('active');
    expect(detail.body.events.map((e) => e.action)).toEqual([
      'adjustment.to_rectification',
      'adjustment.to_active',
    ]);
  });

  it('lets the municipal office confirm or decline a proposed deregistration, with reasons', async () => {
    const city = await buildActor(t, 'municipal_officer');
    const today = nowIso().slice(0, 10);
    const a = await station(addYears(today, -5));
    const b = await station(addYears(today, -5));
    await runAdjustment(t.db, t.dialect, today);
    await runAdjustment(t.db, t.dialect, today);
    expectError(
      await city.client.post(`/api/stations/${a.id}/deregistration/confirm`, { opinion: '' }),
      400,
      'VALIDATION_FAILED',
      ['opinion:required'],
    );
    expect(
      (
        await city.client.post(`/api/stations/${a.id}/deregistration/confirm`, {
          opinion: '整改期届满仍未招收',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await city.client.post(`/api/stations/${b.id}/deregistration/decline`, {
          opinion: '已签订进站协议，给予延期',
        })
      ).status,
    ).toBe(200);
    const da = await city.client.get<{ status: string; actions: string[] }>(`/api/stations/${a.id}`);
    const db = await city.client.get<{ status: string; assessment: { reference: string } }>(
      `/api/stations/${b.id}`,
    );
    expect(da.body.status).toBe('deregistered');
    expect(db.body.status).toBe('active');
    expect(db.body.assessment.reference).toBe(today);
    expectError(
      await city.client.post(`/api/stations/${a.id}/deregistration/confirm`, { opinion: '再次' }),
      409,
      'STATE_CONFLICT',
    );
    const pub = await t
      .client()
      .get<{ items: Array<{ number: string; status: string }> }>(
        `/api/stations/public?q=${encodeURIComponent(a.number)}`,
      );
    expect(pub.status).toBe(200);
  });
});

describe('recruitment records', () => {
  it('checks the ID number, dates and roster, and shows the ID masked except to the municipal office', async () => {
    const s = await station('2024-01-10');
    const base = {
      name: '张博士',
      supervisor: '刘强',
      mobileStation: '重庆大学',
      project: '机器人',
      entryDate: '2025-03-01',
    };
    expectError(
      await s.owner.client.post(`/api/stations/${s.id}/recruits`, {
        ...base,
        idNumber: '500103199001011234',
      }),
      400,
      'VALIDATION_FAILED',
      ['idNumber:id_number'],
    );
    expectError(
      await s.owner.client.post(`/api/stations/${s.id}/recruits`, {
        ...base,
        idNumber: id('50010319900101123'),
        exitDate: '2025-01-01',
      }),
      400,
      'VALIDATION_FAILED',
      ['exitDate:exit_before_entry'],
    );
    expectError(
      await s.owner.client.post(`/api/stations/${s.id}/recruits`, {
        ...base,
        idNumber: id('50010319900101123'),
        entryDate: '2999-01-01',
      }),
      400,
      'VALIDATION_FAILED',
      ['entryDate:date_future'],
    );
    const full = id('50010319900101123');
    expect(
      (await s.owner.client.post(`/api/stations/${s.id}/recruits`, { ...base, idNumber: full })).status,
    ).toBe(201);
    expectError(
      await s.owner.client.post(`/api/stations/${s.id}/recruits`, { ...base, idNumber: full }),
      409,
      'DUPLICATE',
      ['idNumber:recruit_in_station'],
    );
    const stored = await t.db
      .selectFrom('recruits')
      .select(['id_number_enc'])
      .where('station_id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(stored.id_number_enc).not.toContain(full);

    const officer = await buildActor(t, 'district_officer', { regionId: s.regionId });
    const city = await buildActor(t, 'municipal_officer');
    type D = { recruits: Array<{ idNumber: string }> };
    expect((await s.owner.client.get<D>(`/api/stations/${s.id}`)).body.recruits[0]!.idNumber).toBe(
      `5001**********${full.slice(-4)}`,
    );
    expect((await officer.client.get<D>(`/api/stations/${s.id}`)).body.recruits[0]!.idNumber).toBe(
      `5001**********${full.slice(-4)}`,
    );
    expect((await city.client.get<D>(`/api/stations/${s.id}`)).body.recruits[0]!.idNumber).toBe(full);
  });

  it('keeps stations to their unit, district and the city (404 for outsiders)', async () => {
    const s = await station('2024-01-10');
    const otherUnit = await buildActor(t, 'unit');
    const otherOfficer = await buildActor(t, 'district_officer');
    for (const c of [otherUnit.client, otherOfficer.client]) {
      expectError(await c.get(`/api/stations/${s.id}`), 404, 'NOT_FOUND');
      const list = await c.get<{ items: Array<{ id: number }> }>('/api/stations');
      expect(list.body.items.map((i) => i.id)).not.toContain(s.id);
    }
    expectError(await otherUnit.client.post(`/api/stations/${s.id}/recruits`, {}), 400, 'VALIDATION_FAILED');
    const body = {
      name: 'x',
      idNumber: id('50010319900101123'),
      supervisor: 'a',
      mobileStation: 'b',
      project: 'c',
      entryDate: '2025-01-01',
    };
    expectError(await otherUnit.client.post(`/api/stations/${s.id}/recruits`, body), 404, 'NOT_FOUND');
    const officer = await buildActor(t, 'district_officer', { regionId: s.regionId });
    expectError(await officer.client.post(`/api/stations/${s.id}/recruits`, body), 403, 'FORBIDDEN');
    expectError(await officer.client.post('/api/stations/adjustment/run'), 403, 'FORBIDDEN');
    expectError(
      await officer.client.post(`/api/stations/${s.id}/deregister`, { cause: 'misconduct', opinion: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectError(await t.client().get(`/api/stations/${s.id}`), 401, 'UNAUTHENTICATED');
  });
});

describe('manual deregistration', () => {
  it('needs a cause and an opinion, and tells the district', async () => {
    const s = await station('2023-05-05');
    const city = await buildActor(t, 'municipal_officer');
    expectError(
      await city.client.post(`/api/stations/${s.id}/deregister`, { opinion: '破产' }),
      400,
      'VALIDATION_FAILED',
      ['cause:invalid_value'],
    );
    expectError(
      await city.client.post(`/api/stations/${s.id}/deregister`, { cause: 'lost_conditions', opinion: '' }),
      400,
      'VALIDATION_FAILED',
      ['opinion:required'],
    );
    expect((await city.client.get<{ status: string }>(`/api/stations/${s.id}`)).body.status).toBe('active');
    const officer = await buildActor(t, 'district_officer', { regionId: s.regionId });
    expect(
      (
        await city.client.post(`/api/stations/${s.id}/deregister`, {
          cause: 'lost_conditions',
          opinion: '企业已破产清算',
        })
      ).status,
    ).toBe(200);
    const d = await s.owner.client.get<{
      status: string;
      events: Array<{ causeLabel: string; opinion: string }>;
    }>(`/api/stations/${s.id}`);
    expect(d.body.status).toBe('deregistered');
    expect(d.body.events.at(-1)).toMatchObject({ opinion: '企业已破产清算' });
    expect(d.body.events.at(-1)!.causeLabel).toContain('破产');
    // Other test files share the outbox: keep draining until this notification has arrived.
    const titles = async (): Promise<string[]> =>
      (await officer.client.get<{ items: Array<{ title: string }> }>('/api/notifications')).body.items.map(
        (n) => n.title,
      );
    await drainUntil(t, async () => (await titles()).includes(`工作站 ${s.number} 已注销设站资格`));
    expect(await titles()).toContain(`工作站 ${s.number} 已注销设站资格`);
    expectError(
      await city.client.post(`/api/stations/${s.id}/deregister`, { cause: 'misconduct', opinion: '再次' }),
      409,
      'STATE_CONFLICT',
    );
  });
});
