import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor, buildDistrict, buildUnit, unitRegistration } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('claiming a unit already on file (e.g. imported with its station)', () => {
  it('links the new account to the unit when code, name and district match, and tells the district', async () => {
    const district = await buildDistrict(t.db);
    const officer = await buildActor(t, 'district_officer', { regionId: district.id });
    const imported = await buildUnit(t.db, { region_id: district.id, registration_date: '' });
    const body = unitRegistration(district.id);
    body.unit.creditCode = imported.credit_code;
    body.unit.name = imported.name;
    const res = await t.client().post<{ id: number }>('/api/accounts/register/unit', body);
    expect(res.status).toBe(201);
    const user = await t.db
      .selectFrom('users')
      .select(['unit_id'])
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(user.unit_id).toBe(imported.id);
    const unit = await t.db
      .selectFrom('units')
      .select(['registration_date'])
      .where('id', '=', imported.id)
      .executeTakeFirstOrThrow();
    expect(unit.registration_date).toBe(body.unit.registrationDate);
    const titles = async (): Promise<string[]> =>
      (await officer.client.get<{ items: Array<{ title: string }> }>('/api/notifications')).body.items.map(
        (n) => n.title,
      );
    await drainUntil(t, async () => (await titles()).includes(`${imported.name} 已注册账号并认领本单位`));

    // Once claimed, the code is taken.
    const again = unitRegistration(district.id);
    again.unit.creditCode = imported.credit_code;
    again.unit.name = imported.name;
    expectError(await t.client().post('/api/accounts/register/unit', again), 409, 'DUPLICATE', [
      'unit.creditCode:credit_code_taken',
    ]);
  });

  it('refuses a claim with another name or district, changing nothing', async () => {
    const district = await buildDistrict(t.db);
    const imported = await buildUnit(t.db, { region_id: district.id });
    const wrongName = unitRegistration(district.id);
    wrongName.unit.creditCode = imported.credit_code;
    expectError(await t.client().post('/api/accounts/register/unit', wrongName), 409, 'DUPLICATE', [
      'unit.creditCode:credit_code_taken',
    ]);
    const other = await buildDistrict(t.db);
    const wrongDistrict = unitRegistration(other.id);
    wrongDistrict.unit.creditCode = imported.credit_code;
    wrongDistrict.unit.name = imported.name;
    expectError(await t.client().post('/api/accounts/register/unit', wrongDistrict), 409, 'DUPLICATE', [
      'unit.creditCode:credit_code_taken',
    ]);
    const accounts = await t.db.selectFrom('users').select('id').where('unit_id', '=', imported.id).execute();
    expect(accounts).toHaveLength(0);
  });
});
