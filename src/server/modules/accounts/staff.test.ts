import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, type ApiClient } from '../../test/client.js';
import {
  buildActor,
  buildDistrict,
  buildUser,
  loginAs,
  municipalRegionId,
  uniq,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditMark, auditSince, expectNoSecrets, parseJson } from '../../test/records.js';

interface UserView {
  id: number;
  username: string;
  role: string;
  region: { id: number; name: string } | null;
  status: string;
  mustChangePassword: boolean;
  actions: string[];
}
type Created = { user: UserView; initialPassword: string };

let t: TestApp;
let sys: ApiClient;
let sysUser: TestUser;
let sec: ApiClient;
let secUser: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  ({ client: sys, user: sysUser } = await buildActor(t, 'sys_admin'));
  ({ client: sec, user: secUser } = await buildActor(t, 'sec_admin'));
});
afterAll(async () => {
  await t.close();
});

const staffBody = (regionId: number | null, role = 'district_officer') => ({
  username: uniq('staff'),
  displayName: '区县博管办 测试员',
  role,
  regionId,
  email: 'officer@example.org',
});

describe('creating staff accounts (system admin)', () => {
  it('needs a district for a district officer', async () => {
    expectError(await sys.post('/api/users', staffBody(null)), 400, 'VALIDATION_FAILED', [
      'regionId:region_required',
    ]);
    const municipal = await municipalRegionId(t.db);
    expectError(await sys.post('/api/users', staffBody(municipal)), 400, 'VALIDATION_FAILED', [
      'regionId:unknown_region',
    ]);
    expectError(await sys.post('/api/users', staffBody(987_654)), 400, 'VALIDATION_FAILED', [
      'regionId:unknown_region',
    ]);
    expectError(
      await sys.post('/api/users', { ...staffBody(null), role: 'unit' }),
      400,
      'VALIDATION_FAILED',
      ['role:invalid_value'],
    );
  });

  it('creates it with a one-time initial password that must be changed first', async () => {
    const district = await buildDistrict(t.db);
    const body = staffBody(district.id);
    const mark = await auditMark(t.db);
    const res = await sys.post<Created>('/api/users', body);
    expect(res.status).toBe(201);
    const { user, initialPassword } = res.body;
    expect(user).toMatchObject({
      username: body.username,
      role: 'district_officer',
      region: { id: district.id, name: district.name },
      status: 'active',
      mustChangePassword: true,
    });
    expect(initialPassword).toMatch(/^.{14}$/);

    const records = await auditSince(t.db, mark, { accountIds: [user.id] });
    expect(records.map((r) => r.action)).toEqual(['account.created']);
    expect(records[0]).toMatchObject({
      actor_id: sysUser.id,
      actor_role: 'sys_admin',
      region_id: district.id,
    });
    expect(parseJson(records[0]!.after_json)).toEqual({
      username: body.username,
      role: 'district_officer',
      regionId: district.id,
      displayName: body.displayName,
    });
    expectNoSecrets(records, [initialPassword]);

    const c = t.client();
    const login = await c.post<{ user: UserView }>('/api/auth/login', {
      username: body.username,
      password: initialPassword,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    expectError(await c.get('/api/units'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await c.get('/api/notifications'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await c.get(`/api/users/${user.id}`), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await c.get<{ user: UserView }>('/api/auth/session')).body.user?.mustChangePassword).toBe(true);

    const pw = '/api/auth/password';
    expectError(
      await c.post(pw, { currentPassword: initialPassword, newPassword: 'weakweak' }),
      400,
      'VALIDATION_FAILED',
      ['newPassword:weak_password'],
    );
    expectError(
      await c.post(pw, { currentPassword: 'Wrong#pass1', newPassword: 'Fresh#Pass2026' }),
      400,
      'VALIDATION_FAILED',
      ['currentPassword:wrong_password'],
    );
    expectError(
      await c.post(pw, { currentPassword: initialPassword, newPassword: initialPassword }),
      400,
      'VALIDATION_FAILED',
      ['newPassword:same_password'],
    );
    const mark2 = await auditMark(t.db);
    const changed = await c.post<{ user: UserView }>(pw, {
      currentPassword: initialPassword,
      newPassword: 'Fresh#Pass2026',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await auditSince(t.db, mark2, { accountIds: [user.id] })).map((r) => r.action)).toEqual([
      'account.password_changed',
    ]);
    expect((await c.get<{ total: number }>('/api/units')).status).toBe(200);

    // The initial password worked once only.
    expectError(
      await t.client().post('/api/auth/login', { username: body.username, password: initialPassword }),
      401,
      'BAD_CREDENTIALS',
    );
    expect(
      (await t.client().post('/api/auth/login', { username: body.username, password: 'Fresh#Pass2026' }))
        .status,
    ).toBe(200);
  });

  it('refuses a taken username', async () => {
    const existing = await buildUser(t.db, 'expert');
    const res = await sys.post('/api/users', { ...staffBody(null, 'expert'), username: existing.username });
    expectError(res, 409, 'DUPLICATE', ['username:username_taken']);
  });

  it('gives other roles no region', async () => {
    const district = await buildDistrict(t.db);
    const res = await sys.post<Created>('/api/users', staffBody(district.id, 'municipal_officer'));
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'municipal_officer', region: null });
  });
});

describe('maintaining accounts', () => {
  it('reset-password: a new one-time password, sessions end, the old password stops working', async () => {
    const target = await buildUser(t.db, 'expert');
    const c = await loginAs(t, target);
    const mark = await auditMark(t.db);
    const res = await sys.post<{ initialPassword: string }>(`/api/users/${target.id}/reset-password`);
    expect(res.status).toBe(200);
    expectError(await c.get('/api/notifications'), 401, 'UNAUTHENTICATED');
    expectError(
      await t.client().post('/api/auth/login', { username: target.username, password: target.password }),
      401,
      'BAD_CREDENTIALS',
    );
    const again = t.client();
    const login = await again.post<{ user: UserView }>('/api/auth/login', {
      username: target.username,
      password: res.body.initialPassword,
    });
    expect(login.body.user.mustChangePassword).toBe(true);
    const records = await auditSince(t.db, mark, { accountIds: [target.id] });
    expect(records.map((r) => [r.action, r.actor_id])).toEqual([
      ['account.password_reset', sysUser.id],
      ['auth.login_failed', target.id],
      ['auth.login', target.id],
    ]);
    expectNoSecrets(records, [res.body.initialPassword]);
  });

  it('disable ends sessions and refuses login; twice is STATE_CONFLICT; enable restores', async () => {
    const target = await buildUser(t.db, 'municipal_officer');
    const c = await loginAs(t, target);
    const mark = await auditMark(t.db);
    const res = await sys.post<UserView>(`/api/users/${target.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, status: 'disabled' });
    expectError(await c.get('/api/units'), 401, 'UNAUTHENTICATED');
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', target.id).execute()).toEqual(
      [],
    );
    expectError(
      await t.client().post('/api/auth/login', { username: target.username, password: target.password }),
      403,
      'ACCOUNT_DISABLED',
    );
    const twice = await sys.post(`/api/users/${target.id}/disable`);
    expect(expectError(twice, 409, 'STATE_CONFLICT').error.message).toContain('已停用');

    const enabled = await sys.post<UserView>(`/api/users/${target.id}/enable`);
    expect(enabled.body).toMatchObject({ status: 'active' });
    expectError(await sys.post(`/api/users/${target.id}/enable`), 409, 'STATE_CONFLICT');
    expect(
      (await t.client().post('/api/auth/login', { username: target.username, password: target.password }))
        .status,
    ).toBe(200);

    const records = await auditSince(t.db, mark, { accountIds: [target.id] });
    expect(records.map((r) => r.action)).toEqual([
      'account.disabled',
      'auth.login_refused_disabled',
      'account.enabled',
      'auth.login',
    ]);
    expect([parseJson(records[0]!.before_json), parseJson(records[0]!.after_json)]).toEqual([
      { status: 'active' },
      { status: 'disabled' },
    ]);
    expect([parseJson(records[2]!.before_json), parseJson(records[2]!.after_json)]).toEqual([
      { status: 'disabled' },
      { status: 'active' },
    ]);
  });

  it('the system admin cannot disable or reset itself; unknown ids are 404', async () => {
    expectError(await sys.post(`/api/users/${sysUser.id}/disable`), 403, 'FORBIDDEN');
    expectError(await sys.post(`/api/users/${sysUser.id}/reset-password`), 403, 'FORBIDDEN');
    expectError(await sys.post('/api/users/99999999/disable'), 404, 'NOT_FOUND');
    expectError(await sys.post('/api/users/abc/disable'), 400, 'VALIDATION_FAILED', ['id:invalid_type']);
  });
});

describe('roles and regions (security admin)', () => {
  it('changes a staff account’s role and region; its sessions end', async () => {
    const target = await buildUser(t.db, 'expert');
    const c = await loginAs(t, target);
    const district = await buildDistrict(t.db);
    expectError(
      await sec.post(`/api/users/${target.id}/role`, { role: 'district_officer', regionId: null }),
      400,
      'VALIDATION_FAILED',
      ['regionId:region_required'],
    );
    const mark = await auditMark(t.db);
    const res = await sec.post<UserView>(`/api/users/${target.id}/role`, {
      role: 'district_officer',
      regionId: district.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'district_officer', region: { id: district.id } });
    expectError(await c.get('/api/notifications'), 401, 'UNAUTHENTICATED');
    const back = await sec.post<UserView>(`/api/users/${target.id}/role`, {
      role: 'municipal_officer',
      regionId: district.id,
    });
    expect(back.body).toMatchObject({ role: 'municipal_officer', region: null });
    const records = await auditSince(t.db, mark, { accountIds: [target.id] });
    expect(records.map((r) => [r.action, r.actor_id])).toEqual([
      ['account.role_changed', secUser.id],
      ['account.role_changed', secUser.id],
    ]);
    expect(parseJson(records[0]!.before_json)).toEqual({ role: 'expert', regionId: null });
    expect(parseJson(records[0]!.after_json)).toEqual({ role: 'district_officer', regionId: district.id });
    expect(parseJson(records[1]!.after_json)).toEqual({ role: 'municipal_officer', regionId: null });
  });

  it('does not turn unit or individual accounts into staff', async () => {
    for (const role of ['unit', 'individual'] as const) {
      const target = await buildUser(t.db, role);
      expectError(
        await sec.post(`/api/users/${target.id}/role`, { role: 'municipal_officer', regionId: null }),
        403,
        'FORBIDDEN',
      );
      const row = await t.db
        .selectFrom('users')
        .select('role')
        .where('id', '=', target.id)
        .executeTakeFirstOrThrow();
      expect(row.role).toBe(role);
    }
  });
});

describe('三员分立: the three operators are kept apart', () => {
  it('the system admin cannot change roles or unlock', async () => {
    const target = await buildUser(t.db, 'expert');
    expectError(
      await sys.post(`/api/users/${target.id}/role`, { role: 'sys_admin', regionId: null }),
      403,
      'FORBIDDEN',
    );
    expectError(await sys.post(`/api/users/${target.id}/unlock`), 403, 'FORBIDDEN');
  });

  it('the security admin cannot create, disable, enable or reset accounts', async () => {
    const target = await buildUser(t.db, 'expert');
    expectError(await sec.post('/api/users', staffBody(null, 'expert')), 403, 'FORBIDDEN');
    for (const a of ['disable', 'enable', 'reset-password'])
      expectError(await sec.post(`/api/users/${target.id}/${a}`), 403, 'FORBIDDEN');
  });

  it('the audit admin only reads the audit trail, verifies it and reads the policy', async () => {
    const { client: aud } = await buildActor(t, 'audit_admin');
    const target = await buildUser(t.db, 'expert');
    expect((await aud.get('/api/audit?pageSize=1')).status).toBe(200);
    expect((await aud.get('/api/audit/verify')).status).toBe(200);
    expect((await aud.get('/api/policy')).status).toBe(200);
    expectError(await aud.get('/api/users'), 403, 'FORBIDDEN');
    expectError(await aud.post('/api/users', staffBody(null, 'expert')), 403, 'FORBIDDEN');
    expectError(await aud.get('/api/settings/security'), 403, 'FORBIDDEN');
    expectError(await aud.get('/api/units'), 403, 'FORBIDDEN');
    for (const a of ['disable', 'enable', 'reset-password', 'unlock'])
      expectError(await aud.post(`/api/users/${target.id}/${a}`), 404, 'NOT_FOUND');
    expectError(
      await aud.post(`/api/users/${target.id}/role`, { role: 'expert', regionId: null }),
      404,
      'NOT_FOUND',
    );
  });

  it('nobody can change their own role', async () => {
    const { client: aud, user: audUser } = await buildActor(t, 'audit_admin');
    expectError(
      await sec.post(`/api/users/${secUser.id}/role`, { role: 'sys_admin', regionId: null }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await sys.post(`/api/users/${sysUser.id}/role`, { role: 'sec_admin', regionId: null }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await aud.post(`/api/users/${audUser.id}/role`, { role: 'sec_admin', regionId: null }),
      403,
      'FORBIDDEN',
    );
    const rows = await t.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('id', 'in', [secUser.id, sysUser.id, audUser.id])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.role]))).toEqual({
      [secUser.id]: 'sec_admin',
      [sysUser.id]: 'sys_admin',
      [audUser.id]: 'audit_admin',
    });
  });
});
