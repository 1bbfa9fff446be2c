import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitRow } from '../../db/schema.js';
import { expectError, type ApiClient } from '../../test/client.js';
import { buildActor, buildDistrict, buildUnit } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

interface UnitView {
  id: number;
  name: string;
  creditCode: string;
  region: { id: number; name: string };
  actions: string[];
}
type UnitList = { items: UnitView[]; total: number; page: number; pageSize: number };

let t: TestApp;
let a1: UnitRow;
let a2: UnitRow;
let b1: UnitRow;
let officerA: ApiClient;
let officerB: ApiClient;
let unitUserA: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  const districtA = await buildDistrict(t.db);
  const districtB = await buildDistrict(t.db);
  a1 = await buildUnit(t.db, { region_id: districtA.id, name: `甲区一号单位${districtA.code}` });
  a2 = await buildUnit(t.db, { region_id: districtA.id, name: `甲区二号单位${districtA.code}` });
  b1 = await buildUnit(t.db, { region_id: districtB.id, name: `乙区单位${districtB.code}` });
  officerA = (await buildActor(t, 'district_officer', { regionId: districtA.id })).client;
  officerB = (await buildActor(t, 'district_officer', { regionId: districtB.id })).client;
  unitUserA = (await buildActor(t, 'unit', { unitId: a1.id })).client;
});
afterAll(async () => {
  await t.close();
});

/** The body of a refusal names nothing of the unit. */
function expectNothingOf(text: string, unit: UnitRow): void {
  for (const secret of [unit.name, unit.credit_code, unit.contact_email, unit.contact_phone])
    expect(text).not.toContain(secret);
}

describe('district scoping of units', () => {
  it('a district officer lists only the units of its district', async () => {
    const res = await officerA.get<UnitList>('/api/units');
    expect(res.status).toBe(200);
    expect(res.body.items.map((u) => u.id)).toEqual([a2.id, a1.id]);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(res.body.items[1]).toMatchObject({
      id: a1.id,
      name: a1.name,
      creditCode: a1.credit_code,
      region: { id: a1.region_id },
    });
    expect(res.body.items[1]?.actions).toContain('view');
    expect(res.body.items[1]?.actions).not.toContain('update');
    expectNothingOf(res.text, b1);
    const b = await officerB.get<UnitList>('/api/units');
    expect(b.body.items.map((u) => u.id)).toEqual([b1.id]);
  });

  it('searching does not reach other districts', async () => {
    const byName = await officerA.get<UnitList>(`/api/units?q=${encodeURIComponent(b1.name)}`);
    expect(byName.body).toMatchObject({ items: [], total: 0 });
    const byCode = await officerA.get<UnitList>(`/api/units?q=${b1.credit_code.toLowerCase()}`);
    expect(byCode.body.total).toBe(0);
    const own = await officerA.get<UnitList>(`/api/units?q=${encodeURIComponent('二号')}`);
    expect(own.body.items.map((u) => u.id)).toEqual([a2.id]);
    const paged = await officerA.get<UnitList>('/api/units?pageSize=1&page=2');
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items.map((u) => u.id)).toEqual([a1.id]);
  });

  it('a district officer gets 404 for a unit of another district, like for no unit at all', async () => {
    expect((await officerA.get<UnitView>(`/api/units/${a1.id}`)).body).toMatchObject({
      id: a1.id,
      name: a1.name,
    });
    const other = await officerA.get(`/api/units/${b1.id}`);
    expectError(other, 404, 'NOT_FOUND');
    expectNothingOf(other.text, b1);
    const none = await officerA.get('/api/units/2147483000');
    expect(none.body).toEqual(other.body);
  });

  it('the municipal office sees every district', async () => {
    const { client: muni } = await buildActor(t, 'municipal_officer');
    expect((await muni.get<UnitView>(`/api/units/${b1.id}`)).body.id).toBe(b1.id);
    const list = await muni.get<UnitList>(`/api/units?q=${encodeURIComponent(a1.name)}`);
    expect(list.body.items.map((u) => u.id)).toEqual([a1.id]);
  });

  it('a unit account sees its own unit only, and may not list units', async () => {
    const own = await unitUserA.get<UnitView>(`/api/units/${a1.id}`);
    expect(own.status).toBe(200);
    expect(own.body.actions.sort()).toEqual(['update', 'view']);
    for (const other of [a2, b1]) {
      const res = await unitUserA.get(`/api/units/${other.id}`);
      expectError(res, 404, 'NOT_FOUND');
      expectNothingOf(res.text, other);
    }
    expectError(await unitUserA.get('/api/units'), 403, 'FORBIDDEN');
  });

  it('operators, experts and individuals see no units', async () => {
    for (const role of [
      'sys_admin',
      'sec_admin',
      'audit_admin',
      'expert',
      'individual',
      'national_reviewer',
    ] as const) {
      const { client } = await buildActor(t, role);
      const res = await client.get(`/api/units/${a1.id}`);
      expectError(res, 404, 'NOT_FOUND');
      expectNothingOf(res.text, a1);
      expectError(await client.get('/api/units'), 403, 'FORBIDDEN');
    }
  });

  it('anonymous visitors must log in', async () => {
    const res = await t.client().get(`/api/units/${a1.id}`);
    expectError(res, 401, 'UNAUTHENTICATED');
    expectNothingOf(res.text, a1);
    expectError(await t.client().get('/api/units'), 401, 'UNAUTHENTICATED');
  });

  it('validates paging parameters', async () => {
    expectError(await officerA.get('/api/units?pageSize=500'), 400, 'VALIDATION_FAILED', [
      'pageSize:too_big',
    ]);
    expectError(await officerA.get('/api/units?page=0'), 400, 'VALIDATION_FAILED', ['page:too_small']);
    expectError(await officerA.get('/api/units/0'), 400, 'VALIDATION_FAILED', ['id:too_small']);
  });
});
