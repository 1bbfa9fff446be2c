import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import {
  buildActor,
  buildUser,
  loginAs,
  TEST_PASSWORD,
  uniq,
  unitRegistration,
  buildDistrict,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditMark, auditSince } from '../../test/records.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type SessionBody = {
  user: { id: number; username: string; role: string; mustChangePassword: boolean } | null;
  expired: boolean;
};

describe('login, session, logout', () => {
  it('logs in, reports the session, and logs out', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = t.client();
    expect((await c.get<SessionBody>('/api/auth/session')).body).toEqual({ user: null, expired: false });
    const mark = await auditMark(t.db);
    const login = await c.post<{ user: SessionBody['user'] }>('/api/auth/login', {
      username: user.username,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({
      id: user.id,
      username: user.username,
      role: 'expert',
      mustChangePassword: false,
    });
    expect(JSON.stringify(login.body)).not.toMatch(/password_hash|scrypt/);
    expect(c.cookie('bohou_sid')).toBeTruthy();
    expect((await c.get<SessionBody>('/api/auth/session')).body.user).toMatchObject({ id: user.id });

    expect((await c.post('/api/auth/logout')).body).toEqual({ ok: true });
    expect(c.cookie('bohou_sid')).toBeUndefined();
    expect((await c.get<SessionBody>('/api/auth/session')).body).toEqual({ user: null, expired: false });
    expect((await auditSince(t.db, mark, { accountIds: [user.id] })).map((r) => r.action)).toEqual([
      'auth.login',
      'auth.logout',
    ]);
  });

  it('ends the session on the server: the old cookie no longer works after logout', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = await loginAs(t, user);
    const token = c.cookie('bohou_sid')!;
    await c.post('/api/auth/logout');
    const replay = t.client();
    replay.jar.set('bohou_sid', token);
    expectError(await replay.get('/api/notifications'), 401, 'UNAUTHENTICATED');
    const sessions = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(sessions).toEqual([]);
  });

  it('stores only a hash of the session token', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = await loginAs(t, user);
    const rows = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(c.cookie('bohou_sid'));
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('logout without a session is harmless', async () => {
    expect((await t.client().post('/api/auth/logout')).body).toEqual({ ok: true });
  });

  it('sets the session cookie HttpOnly and SameSite, and the CSRF cookie readable but SameSite=Strict', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = t.client();
    const first = await c.get('/api/auth/session');
    const csrf = first.setCookies.find((s) => s.startsWith('bohou_csrf='))!;
    expect(csrf).toMatch(/SameSite=Strict/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/Path=\//);
    const login = await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
    const sid = login.setCookies.find((s) => s.startsWith('bohou_sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Lax/i);
    expect(sid).toMatch(/Path=\//);
    expect(sid).not.toMatch(/Secure/i);
  });

  it('refuses a wrong password and an unknown user alike (BAD_CREDENTIALS), and audits both', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = t.client();
    const mark = await auditMark(t.db);
    const wrong = await c.post('/api/auth/login', { username: user.username, password: 'Wrong#pass1' });
    expectError(wrong, 401, 'BAD_CREDENTIALS');
    const ghost = uniq('ghost');
    const unknown = await c.post('/api/auth/login', { username: ghost, password: 'Wrong#pass1' });
    expect(unknown.body).toEqual(wrong.body);
    expect(c.cookie('bohou_sid')).toBeUndefined();
    const records = await auditSince(t.db, mark, { accountIds: [user.id], entities: [['account', ghost]] });
    expect(records.map((r) => [r.action, r.after_json])).toEqual([
      ['auth.login_failed', JSON.stringify({ failures: 1 })],
      ['auth.login_failed', JSON.stringify({ reason: 'unknown_user' })],
    ]);
    expect(records.every((r) => !(r.after_json ?? '').includes('Wrong#pass1'))).toBe(true);
  });

  it('refuses an empty login body, naming the fields', async () => {
    expectError(
      await t.client().post('/api/auth/login', { username: '', password: '' }),
      400,
      'VALIDATION_FAILED',
      ['username:required', 'password:required'],
    );
  });
});

describe('lock-out after repeated failures', () => {
  it('locks after 5 failures (ACCOUNT_LOCKED even with the right password) until the security admin unlocks', async () => {
    const user = await buildUser(t.db, 'municipal_officer');
    const c = t.client();
    const mark = await auditMark(t.db);
    for (let i = 1; i <= 4; i++)
      expectError(
        await c.post('/api/auth/login', { username: user.username, password: `Wrong#${i}xx` }),
        401,
        'BAD_CREDENTIALS',
      );
    const locked = await c.post('/api/auth/login', { username: user.username, password: 'Wrong#5xx' });
    expect(expectError(locked, 423, 'ACCOUNT_LOCKED').error.message).toContain('15');
    const right = await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
    expectError(right, 423, 'ACCOUNT_LOCKED');
    expect(c.cookie('bohou_sid')).toBeUndefined();

    const { client: sec, user: secUser } = await buildActor(t, 'sec_admin');
    const view = await sec.get<{ locked: boolean }>(`/api/users/${user.id}`);
    expect(view.body.locked).toBe(true);
    const unlocked = await sec.post<{ locked: boolean }>(`/api/users/${user.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    expect(
      (await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status,
    ).toBe(200);

    const records = await auditSince(t.db, mark, { accountIds: [user.id] });
    expect(records.map((r) => r.action)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.account_locked',
      'auth.login_refused_locked',
      'account.unlocked',
      'auth.login',
    ]);
    expect(records[6]).toMatchObject({ actor_id: secUser.id, actor_role: 'sec_admin' });
    expect(records[4]!.after_json).toBe(JSON.stringify({ failures: 5 }));
  });

  it('parallel wrong passwords are all counted: the account ends up locked', async () => {
    const user = await buildUser(t.db, 'expert');
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.client().post('/api/auth/login', { username: user.username, password: 'Wrong#pass1' }),
      ),
    );
    expect(burst.every((r) => r.status === 401 || r.status === 423)).toBe(true);
    expect(burst.some((r) => r.status === 423)).toBe(true);
    const right = await t
      .client()
      .post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
    expectError(right, 423, 'ACCOUNT_LOCKED');
  });

  it('a successful login resets the failure count', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = t.client();
    for (let i = 0; i < 4; i++)
      await c.post('/api/auth/login', { username: user.username, password: 'Wrong#pass1' });
    expect(
      (await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status,
    ).toBe(200);
    for (let i = 0; i < 4; i++)
      expectError(
        await c.post('/api/auth/login', { username: user.username, password: 'Wrong#pass1' }),
        401,
        'BAD_CREDENTIALS',
      );
  });
});

describe('login rate limit per client address', () => {
  it('answers RATE_LIMITED (429) once the per-minute limit is used up, even with the right password', async () => {
    const limited = await startTestApp({ shareWith: t, loginLimitPerMinute: 3 });
    try {
      const user = await buildUser(t.db, 'expert');
      const c = limited.client();
      for (let i = 0; i < 3; i++)
        expectError(
          await c.post('/api/auth/login', { username: user.username, password: 'Wrong#pass1' }),
          401,
          'BAD_CREDENTIALS',
        );
      const res = await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
      expectError(res, 429, 'RATE_LIMITED');
      // Parallel attempts cannot slip past the limit: exactly `limit` are counted in the window.
      const racer = limited.client();
      const other = await buildUser(t.db, 'expert');
      const burst = await Promise.all(
        Array.from({ length: 10 }, () =>
          racer.post('/api/auth/login', { username: other.username, password: 'Wrong#pass1' }),
        ),
      );
      expect(burst.map((r) => r.status).sort()).toEqual([...Array(3).fill(401), ...Array(7).fill(429)]);
      // Another address is not limited.
      expect(
        (await limited.client().post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }))
          .status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('CSRF (double submit)', () => {
  it('refuses unsafe requests without, or with a wrong, x-csrf-token; nothing is written', async () => {
    const district = await buildDistrict(t.db);
    const body = unitRegistration(district.id);
    const c = t.client();
    await c.get('/api/auth/session');
    const mark = await auditMark(t.db);
    expectError(await c.post('/api/accounts/register/unit', body, { csrf: 'omit' }), 403, 'CSRF_FAILED');
    expectError(
      await c.post('/api/accounts/register/unit', body, { csrf: 'forged-token' }),
      403,
      'CSRF_FAILED',
    );
    expectError(
      await c.post('/api/accounts/register/unit', body, { csrf: `${c.cookie('bohou_csrf')}x` }),
      403,
      'CSRF_FAILED',
    );
    // The header alone, without the cookie, is not enough either.
    const noCookie = t.client();
    expectError(
      await noCookie.post('/api/accounts/register/unit', body, { csrf: 'abc' }),
      403,
      'CSRF_FAILED',
    );
    expect(
      await t.db.selectFrom('users').select('id').where('username', '=', body.username).execute(),
    ).toEqual([]);
    expect(
      await t.db.selectFrom('units').select('id').where('credit_code', '=', body.unit.creditCode).execute(),
    ).toEqual([]);
    expect(
      await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('id', '>', mark)
        .where('region_id', '=', district.id)
        .execute(),
    ).toEqual([]);
    // With the token it goes through.
    expect((await c.post('/api/accounts/register/unit', body)).status).toBe(201);
  });

  it('protects logged-in actions and login itself', async () => {
    const { client: sys } = await buildActor(t, 'sys_admin');
    const target = await buildUser(t.db, 'expert');
    const mark = await auditMark(t.db);
    expectError(
      await sys.post(`/api/users/${target.id}/disable`, undefined, { csrf: 'omit' }),
      403,
      'CSRF_FAILED',
    );
    expectError(
      await sys.put(
        '/api/settings/security',
        { sessionIdleMinutes: 5, maxFailedLogins: 3, lockoutMinutes: 5 },
        { csrf: 'x' },
      ),
      403,
      'CSRF_FAILED',
    );
    const row = await t.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(await auditSince(t.db, mark, { accountIds: [target.id] })).toEqual([]);

    const c = t.client();
    expectError(
      await c.post(
        '/api/auth/login',
        { username: target.username, password: TEST_PASSWORD },
        { csrf: 'omit' },
      ),
      403,
      'CSRF_FAILED',
    );
    expect(c.cookie('bohou_sid')).toBeUndefined();
  });

  it('does not ask for a token on safe requests', async () => {
    const res = await t.client().get('/api/regions?kind=municipal');
    expect(res.status).toBe(200);
  });
});

describe('idle session expiry', () => {
  it('says SESSION_EXPIRED once the session was idle longer than allowed, then UNAUTHENTICATED', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = await loginAs(t, user);
    expect((await c.get('/api/notifications')).status).toBe(200);
    const old = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', user.id).execute();
    expectError(await c.get('/api/notifications'), 401, 'SESSION_EXPIRED');
    expect(c.cookie('bohou_sid')).toBeUndefined();
    expectError(await c.get('/api/notifications'), 401, 'UNAUTHENTICATED');
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
  });

  it('GET /api/auth/session reports an expired session', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = await loginAs(t, user);
    const old = new Date(Date.now() - 45 * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', user.id).execute();
    expect((await c.get<SessionBody>('/api/auth/session')).body).toEqual({ user: null, expired: true });
  });

  it('keeps an active session alive (last_seen_at moves on)', async () => {
    const user = await buildUser(t.db, 'expert');
    const c = await loginAs(t, user);
    const old = new Date(Date.now() - 20 * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', user.id).execute();
    expect((await c.get('/api/notifications')).status).toBe(200);
    const row = await t.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at > old).toBe(true);
  });
});
