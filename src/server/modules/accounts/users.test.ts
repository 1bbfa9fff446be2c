import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/roles.js';
import { expectError } from '../../test/client.js';
import { buildActor, buildDistrict, buildUser, loginAs, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

interface UserView {
  id: number;
  username: string;
  role: string;
  region: { id: number } | null;
  unit: { id: number } | null;
  locked: boolean;
  actions: string[];
}
type UserList = { items: UserView[]; total: number; page: number; pageSize: number };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('reading accounts', () => {
  it('the system and security admins list and search accounts', async () => {
    const { client: sys } = await buildActor(t, 'sys_admin');
    const { client: sec } = await buildActor(t, 'sec_admin');
    const tag = uniq('grp');
    const district = await buildDistrict(t.db);
    const a = await buildUser(t.db, 'district_officer', { regionId: district.id, username: `${tag}a` });
    const b = await buildUser(t.db, 'expert', { username: `${tag}b` });
    const c = await buildUser(t.db, 'unit', { username: `${tag}c` });

    const all = await sys.get<UserList>(`/api/users?q=${tag}`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(all.body.items.map((u) => u.id)).toEqual([c.id, b.id, a.id]);
    expect(all.text).not.toMatch(/password_?hash|scrypt\$/i);

    const experts = await sec.get<UserList>(`/api/users?q=${tag}&role=expert`);
    expect(experts.body.items.map((u) => u.id)).toEqual([b.id]);
    const inDistrict = await sec.get<UserList>(`/api/users?regionId=${district.id}`);
    expect(inDistrict.body.items.map((u) => u.id)).toEqual([a.id]);
    const page2 = await sys.get<UserList>(`/api/users?q=${tag}&pageSize=2&page=2`);
    expect(page2.body.items.map((u) => u.id)).toEqual([a.id]);
    const byName = await sys.get<UserList>(`/api/users?q=${encodeURIComponent(`用户${tag}B`)}`);
    expect(byName.body.items.map((u) => u.id)).toEqual([b.id]);

    const unitView = all.body.items[0]!;
    expect(unitView).toMatchObject({ role: 'unit', unit: { id: c.unitId }, region: { id: c.regionId } });
    // An active, unlocked account: enable and unlock make no sense now, so they are not offered.
    expect(unitView.actions).toEqual(['view', 'reset_password', 'disable']);
    const secView = (await sec.get<UserView>(`/api/users/${b.id}`)).body;
    expect(secView.actions).toEqual(expect.arrayContaining(['view', 'change_role']));
    expect(secView.actions).not.toContain('unlock');
    expect(secView.actions).not.toContain('disable');
    expectError(await sys.get('/api/users?role=nobody'), 400, 'VALIDATION_FAILED', ['role:invalid_value']);
  });

  it('every account sees itself, and only itself', async () => {
    const other = await buildUser(t.db, 'expert');
    for (const role of ROLES) {
      const { client, user } = await buildActor(t, role);
      const self = await client.get<UserView>(`/api/users/${user.id}`);
      expect(self.status, role).toBe(200);
      expect(self.body).toMatchObject({ id: user.id, username: user.username, role });
      const res = await client.get(`/api/users/${other.id}`);
      if (role === 'sys_admin' || role === 'sec_admin') {
        expect(res.status, role).toBe(200);
      } else {
        expectError(res, 404, 'NOT_FOUND');
        expect(res.text).not.toContain(other.username);
      }
    }
  });

  it('changing one’s own password keeps this session and ends the others', async () => {
    const user = await buildUser(t.db, 'individual');
    const here = await loginAs(t, user);
    const elsewhere = await loginAs(t, user);
    const res = await here.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'Other#Pass2026',
    });
    expect(res.status).toBe(200);
    expect((await here.get('/api/notifications')).status).toBe(200);
    expectError(await elsewhere.get('/api/notifications'), 401, 'UNAUTHENTICATED');
    expectError(
      await t.client().post('/api/auth/password', { currentPassword: 'x', newPassword: 'Other#Pass2027' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('unknown accounts are 404; anonymous callers 401', async () => {
    const { client: sys } = await buildActor(t, 'sys_admin');
    expectError(await sys.get('/api/users/2147483000'), 404, 'NOT_FOUND');
    expectError(await t.client().get('/api/users'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().get('/api/users/1'), 401, 'UNAUTHENTICATED');
  });
});
