import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor, buildUser, loginAs, TEST_PASSWORD } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditMark, auditSince, parseJson } from '../../test/records.js';

let t: TestApp;
// Security settings are global: this file changes them in a database of its own.
beforeAll(async () => {
  t = await startTestApp({ isolated: true });
});
afterAll(async () => {
  await t.close();
});

const DEFAULTS = { sessionIdleMinutes: 30, maxFailedLogins: 5, lockoutMinutes: 15 };

describe('security settings', () => {
  it('are readable by the security and system admins, changeable only by the security admin', async () => {
    const { client: sec, user: secUser } = await buildActor(t, 'sec_admin');
    const { client: sys } = await buildActor(t, 'sys_admin');
    const { client: aud } = await buildActor(t, 'audit_admin');
    expect((await sec.get('/api/settings/security')).body).toEqual(DEFAULTS);
    expect((await sys.get('/api/settings/security')).body).toEqual(DEFAULTS);
    expectError(await aud.get('/api/settings/security'), 403, 'FORBIDDEN');

    const next = { sessionIdleMinutes: 20, maxFailedLogins: 3, lockoutMinutes: 10 };
    expectError(await sys.put('/api/settings/security', next), 403, 'FORBIDDEN');
    expectError(await aud.put('/api/settings/security', next), 403, 'FORBIDDEN');
    expect((await sec.get('/api/settings/security')).body).toEqual(DEFAULTS);

    const mark = await auditMark(t.db);
    const res = await sec.put('/api/settings/security', next);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(next);
    expect((await sys.get('/api/settings/security')).body).toEqual(next);
    const records = await auditSince(t.db, mark, { actorIds: [secUser.id] });
    expect(records.map((r) => [r.action, r.entity_type, r.entity_id])).toEqual([
      ['settings.security_updated', 'settings', 'security'],
    ]);
    expect(parseJson(records[0]!.before_json)).toEqual(DEFAULTS);
    expect(parseJson(records[0]!.after_json)).toEqual(next);
  });

  it('refuses out-of-range values, naming each field, and keeps the old ones', async () => {
    const { client: sec } = await buildActor(t, 'sec_admin');
    const before = (await sec.get('/api/settings/security')).body;
    const res = await sec.put('/api/settings/security', {
      sessionIdleMinutes: 1,
      maxFailedLogins: 50,
      lockoutMinutes: 'x',
    });
    expectError(res, 400, 'VALIDATION_FAILED', [
      'sessionIdleMinutes:too_small',
      'maxFailedLogins:too_big',
      'lockoutMinutes:invalid_type',
    ]);
    expect((await sec.get('/api/settings/security')).body).toEqual(before);
  });

  it('a shorter idle time ends sessions idle longer than it (SESSION_EXPIRED)', async () => {
    const { client: sec } = await buildActor(t, 'sec_admin');
    const user = await buildUser(t.db, 'expert');
    const c = await loginAs(t, user);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: tenMinutesAgo })
      .where('user_id', '=', user.id)
      .execute();
    expect((await c.get('/api/notifications')).status).toBe(200);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: tenMinutesAgo })
      .where('user_id', '=', user.id)
      .execute();

    expect(
      (
        await sec.put('/api/settings/security', {
          sessionIdleMinutes: 5,
          maxFailedLogins: 5,
          lockoutMinutes: 15,
        })
      ).status,
    ).toBe(200);
    expectError(await c.get('/api/notifications'), 401, 'SESSION_EXPIRED');
    // The security admin's own fresh session is unaffected.
    expect((await sec.get('/api/settings/security')).status).toBe(200);
  });

  it('a lower failure limit locks sooner, for the configured minutes', async () => {
    const { client: sec } = await buildActor(t, 'sec_admin');
    expect(
      (
        await sec.put('/api/settings/security', {
          sessionIdleMinutes: 30,
          maxFailedLogins: 3,
          lockoutMinutes: 42,
        })
      ).status,
    ).toBe(200);
    const user = await buildUser(t.db, 'expert');
    const c = t.client({ lang: 'en' });
    for (let i = 0; i < 2; i++)
      expectError(
        await c.post('/api/auth/login', { username: user.username, password: 'Wrong#pass1' }),
        401,
        'BAD_CREDENTIALS',
      );
    const locked = await c.post('/api/auth/login', { username: user.username, password: 'Wrong#pass1' });
    expect(expectError(locked, 423, 'ACCOUNT_LOCKED').error.message).toBe(
      'Too many failed logins; the account is locked for 42 minutes',
    );
    const row = await t.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const minutes = (new Date(row.locked_until!).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(41);
    expect(minutes).toBeLessThanOrEqual(42);
    expectError(
      await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }),
      423,
      'ACCOUNT_LOCKED',
    );
  });
});

describe('policy matrix', () => {
  it('is readable by the security and audit admins only', async () => {
    const { client: sec } = await buildActor(t, 'sec_admin');
    const { client: aud } = await buildActor(t, 'audit_admin');
    const { client: sys } = await buildActor(t, 'sys_admin');
    const { client: unit } = await buildActor(t, 'unit');
    const res = await aud.get<{
      rules: Array<{ resource: string; action: string; roles: string[]; scope: string | null }>;
    }>('/api/policy');
    expect(res.status).toBe(200);
    expect(res.body.rules).toContainEqual({
      resource: 'account',
      action: 'create',
      roles: ['sys_admin'],
      scope: null,
    });
    expect(res.body.rules).toContainEqual({
      resource: 'audit',
      action: 'read',
      roles: ['audit_admin'],
      scope: null,
    });
    expect(res.body.rules).toContainEqual(
      expect.objectContaining({
        resource: 'unit',
        action: 'view',
        roles: ['district_officer'],
        scope: 'own_region',
      }),
    );
    expect((await sec.get('/api/policy')).status).toBe(200);
    expectError(await sys.get('/api/policy'), 403, 'FORBIDDEN');
    expectError(await unit.get('/api/policy'), 403, 'FORBIDDEN');
    expectError(await t.client().get('/api/policy'), 401, 'UNAUTHENTICATED');
  });
});
