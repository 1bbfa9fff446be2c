import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, type ApiClient, type ApiResponse } from '../../test/client.js';
import {
  creditCode,
  individualRegistration,
  municipalRegionId,
  unitRegistration,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditSince, countRows, expectNoSecrets, parseJson } from '../../test/records.js';

let t: TestApp;
let districtId: number;
// A database of its own, so "writes nothing" can be checked by counting whole tables.
beforeAll(async () => {
  t = await startTestApp({ isolated: true });
  const r = await t.db
    .selectFrom('regions')
    .select('id')
    .where('name', '=', '忠县')
    .executeTakeFirstOrThrow();
  districtId = r.id;
});
afterAll(async () => {
  await t.close();
});

type UnitBody = ReturnType<typeof unitRegistration>;
const unitWith = (patch: (b: UnitBody) => void): UnitBody => {
  const b = unitRegistration(districtId);
  patch(b);
  return b;
};

/** Sends a refused request and checks that not a single row was written. */
async function refused(send: (c: ApiClient) => Promise<ApiResponse>): Promise<ApiResponse> {
  const c = t.client();
  await c.get('/api/auth/session');
  const before = await countRows(t.db);
  const res = await send(c);
  expect(await countRows(t.db)).toEqual(before);
  return res;
}

describe('unit registration (单位注册)', () => {
  it('creates the unit and its account, logs them in the audit trail, and the account can log in', async () => {
    const body = unitWith((b) => {
      b.unit.creditCode = b.unit.creditCode.toLowerCase();
      b.unit.name = `  ${b.unit.name}  `;
    });
    const before = await countRows(t.db);
    const res = await t.client().post<{ id: number }>('/api/accounts/register/unit', body);
    expect(res.status).toBe(201);
    const after = await countRows(t.db);
    expect({ users: after.users - before.users, units: after.units - before.units }).toEqual({
      users: 1,
      units: 1,
    });
    expect(after.audit_log - before.audit_log).toBe(2);

    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      username: body.username,
      role: 'unit',
      region_id: districtId,
      status: 'active',
    });
    expect(user.must_change_password).toBe(0);
    expect(user.password_hash).toMatch(/^scrypt\$/);
    const unit = await t.db
      .selectFrom('units')
      .selectAll()
      .where('id', '=', user.unit_id)
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({
      name: body.unit.name.trim(),
      credit_code: body.unit.creditCode.toUpperCase(),
      region_id: districtId,
      registration_date: '2018-03-15',
      unit_type: 'enterprise',
    });

    const records = await auditSince(t.db, 0, { accountIds: [user.id], entities: [['unit', unit.id]] });
    expect(records.map((r) => r.action)).toEqual(['unit.registered', 'account.registered']);
    for (const r of records)
      expect(r).toMatchObject({ actor_id: user.id, actor_role: 'unit', region_id: districtId });
    expect(parseJson(records[1]!.after_json)).toEqual({
      username: body.username,
      role: 'unit',
      unitId: unit.id,
    });
    expect(parseJson(records[0]!.after_json)).toMatchObject({ creditCode: unit.credit_code });
    expectNoSecrets(records, [body.password]);

    const c = t.client();
    const login = await c.post<{ user: { role: string; unit: { id: number } } }>('/api/auth/login', {
      username: body.username,
      password: body.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({
      role: 'unit',
      unit: { id: unit.id, creditCode: unit.credit_code },
    });
  });

  it('refuses malformed JSON with BAD_JSON', async () => {
    const res = await refused((c) =>
      c.request('POST', '/api/accounts/register/unit', { raw: '{"username": "abc", "password": ' }),
    );
    expectError(res, 400, 'BAD_JSON');
    expectError(
      await refused((c) =>
        c.request('POST', '/api/accounts/register/unit', {
          raw: 'username=a',
          contentType: 'application/x-www-form-urlencoded',
        }),
      ),
      400,
      'BAD_JSON',
    );
  });

  it('refuses wrong types and missing fields, naming each field', async () => {
    const res = await refused((c) =>
      c.post('/api/accounts/register/unit', {
        ...unitRegistration(districtId),
        username: 12345,
        unit: {
          ...unitRegistration(districtId).unit,
          regionId: String(districtId),
          unitType: 'bank',
          contactName: undefined,
        },
      }),
    );
    expectError(res, 400, 'VALIDATION_FAILED', [
      'username:invalid_type',
      'unit.regionId:invalid_type',
      'unit.unitType:invalid_value',
      'unit.contactName:required',
    ]);
    expectError(await refused((c) => c.post('/api/accounts/register/unit', [])), 400, 'VALIDATION_FAILED', [
      ':invalid_type',
    ]);
  });

  it('refuses over-long strings with too_long and the limit', async () => {
    const res = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => {
          b.unit.name = '长'.repeat(101);
          b.unit.contactName = 'x'.repeat(51);
          b.password = `Aa1!${'x'.repeat(125)}`;
        }),
      ),
    );
    const body = expectError(res, 400, 'VALIDATION_FAILED', [
      'unit.name:too_long',
      'unit.contactName:too_long',
      'password:too_long',
      // The strength rule includes the length limit, so it fails too.
      'password:weak_password',
    ]);
    expect(body.error.fields?.find((f) => f.path === 'unit.name')?.message).toBe('不能超过 100 个字符');
  });

  it('refuses a credit code with a wrong check character (unit.creditCode, credit_code)', async () => {
    const code = creditCode();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const res = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => (b.unit.creditCode = wrong)),
      ),
    );
    const body = expectError(res, 400, 'VALIDATION_FAILED', ['unit.creditCode:credit_code']);
    expect(body.error.fields?.[0]?.message).toContain('统一社会信用代码');
    for (const bad of ['91500000MA5U6HNC5', '9150000OMA5U6HNC5W', ''])
      expectError(
        await refused((c) =>
          c.post(
            '/api/accounts/register/unit',
            unitWith((b) => (b.unit.creditCode = bad)),
          ),
        ),
        400,
        'VALIDATION_FAILED',
        ['unit.creditCode:credit_code'],
      );
  });

  it('refuses a weak password and a malformed username', async () => {
    const res = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => {
          b.password = 'password';
          b.username = 'a b';
        }),
      ),
    );
    expectError(res, 400, 'VALIDATION_FAILED', ['password:weak_password', 'username:username_format']);
  });

  it('refuses a taken username (DUPLICATE, username) and a registered credit code', async () => {
    const first = unitRegistration(districtId);
    expect((await t.client().post('/api/accounts/register/unit', first)).status).toBe(201);
    const sameUser = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => (b.username = first.username)),
      ),
    );
    expectError(sameUser, 409, 'DUPLICATE', ['username:username_taken']);
    const sameCode = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => (b.unit.creditCode = first.unit.creditCode.toLowerCase())),
      ),
    );
    expectError(sameCode, 409, 'DUPLICATE', ['unit.creditCode:credit_code_taken']);
    const ind = await refused((c) =>
      c.post('/api/accounts/register/individual', { ...individualRegistration(), username: first.username }),
    );
    expectError(ind, 409, 'DUPLICATE', ['username:username_taken']);
  });

  it('refuses an unknown region and the municipal office as the unit’s district', async () => {
    const municipal = await municipalRegionId(t.db);
    for (const regionId of [municipal, 999_999]) {
      const res = await refused((c) => c.post('/api/accounts/register/unit', unitRegistration(regionId)));
      expectError(res, 400, 'VALIDATION_FAILED', ['unit.regionId:unknown_region']);
    }
    expectError(
      await refused((c) => c.post('/api/accounts/register/unit', unitRegistration(-1))),
      400,
      'VALIDATION_FAILED',
      ['unit.regionId:too_small'],
    );
  });

  it('refuses a registration date in the future or not a date', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => (b.unit.registrationDate = tomorrow)),
      ),
    );
    expectError(res, 400, 'VALIDATION_FAILED', ['unit.registrationDate:date_future']);
    const bad = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => (b.unit.registrationDate = '2021-02-30')),
      ),
    );
    expectError(bad, 400, 'VALIDATION_FAILED', ['unit.registrationDate:date_format']);
  });

  it('refuses a body over 1 MB with PAYLOAD_TOO_LARGE', async () => {
    const res = await refused((c) =>
      c.post(
        '/api/accounts/register/unit',
        unitWith((b) => (b.unit.name = 'x'.repeat(1_100_000))),
      ),
    );
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('speaks English when asked (Accept-Language: en)', async () => {
    const en = t.client({ lang: 'en' });
    const res = await en.post(
      '/api/accounts/register/unit',
      unitWith((b) => {
        b.unit.creditCode = '91350100M000100Y44';
        b.password = 'short';
      }),
    );
    const body = expectError(res, 400, 'VALIDATION_FAILED', [
      'unit.creditCode:credit_code',
      'password:weak_password',
    ]);
    expect(body.error.message).toBe('Some fields are invalid');
    expect(body.error.fields?.find((f) => f.path === 'unit.creditCode')?.message).toBe(
      'Invalid unified social credit code (18 characters with a correct check character)',
    );
    expect(
      expectError(await en.request('POST', '/api/accounts/register/unit', { raw: '{' }), 400, 'BAD_JSON')
        .error.message,
    ).toBe('The request body is not valid JSON');
    const zh = expectError(
      await t.client().request('POST', '/api/accounts/register/unit', { raw: '{' }),
      400,
      'BAD_JSON',
    );
    expect(zh.error.message).toBe('请求内容不是有效的 JSON');
  });
});

describe('individual registration (个人注册)', () => {
  it('creates the account and its profile; the audit record has the profile but no password', async () => {
    const body = individualRegistration();
    const before = await countRows(t.db);
    const res = await t.client().post<{ id: number }>('/api/accounts/register/individual', body);
    expect(res.status).toBe(201);
    const after = await countRows(t.db);
    expect([
      after.users - before.users,
      after.person_profiles - before.person_profiles,
      after.units - before.units,
    ]).toEqual([1, 1, 0]);
    const records = await auditSince(t.db, 0, { accountIds: [res.body.id] });
    expect(records.map((r) => r.action)).toEqual(['account.registered']);
    expect(records[0]).toMatchObject({ actor_id: res.body.id, actor_role: 'individual', region_id: null });
    expect(parseJson(records[0]!.after_json)).toEqual({
      username: body.username,
      role: 'individual',
      person: body.person,
    });
    expectNoSecrets(records, [body.password]);

    const c = t.client();
    const login = await c.post<{ user: unknown }>('/api/auth/login', {
      username: body.username,
      password: body.password,
    });
    expect(login.body.user).toMatchObject({
      role: 'individual',
      unit: null,
      region: null,
      person: { name: '王博士', degree: 'doctorate', postdocStatus: 'in_station' },
    });
  });

  it('refuses bad profile fields, naming each, and writes nothing', async () => {
    const b = individualRegistration();
    const res = await refused((c) =>
      c.post('/api/accounts/register/individual', {
        ...b,
        person: {
          ...b.person,
          email: 'not-an-email',
          phone: 'call me',
          degree: 'phd',
          postdocStatus: 'retired',
          field: '',
        },
      }),
    );
    expectError(res, 400, 'VALIDATION_FAILED', [
      'person.email:email',
      'person.phone:phone',
      'person.degree:invalid_value',
      'person.postdocStatus:invalid_value',
      'person.field:required',
    ]);
    expectError(
      await refused((c) => c.post('/api/accounts/register/individual', { ...b, person: undefined })),
      400,
      'VALIDATION_FAILED',
      ['person:required'],
    );
  });
});
