import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('request gate (before validation)', () => {
  it('answers an anonymous caller 401 even when its body is invalid', async () => {
    const anon = t.client();
    expectError(await anon.post('/api/users', { username: 1 }), 401, 'UNAUTHENTICATED');
    expectError(await anon.put('/api/station-applications/1/form', 'nonsense'), 401, 'UNAUTHENTICATED');
    expectError(await anon.post('/api/stations/1/recruits', {}), 401, 'UNAUTHENTICATED');
  });

  it('stops an account that must change its first password, whatever it sent', async () => {
    const { client } = await buildActor(t, 'sys_admin', { mustChangePassword: true });
    expectError(await client.post('/api/users', { username: 1 }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await client.get('/api/auth/session')).status).toBe(200);
  });

  it('keeps the public routes public', async () => {
    const anon = t.client();
    for (const path of [
      '/api/health',
      '/api/regions',
      '/api/auth/session',
      '/api/stations/public',
      '/api/openapi.json',
    ]) {
      expect((await anon.get(path)).status).toBe(200);
    }
    expectError(await anon.post('/api/auth/login', { username: '', password: '' }), 400, 'VALIDATION_FAILED');
  });
});

describe('what the UI is told it may do', () => {
  it('lists type-level permissions on the session and state-aware actions on accounts', async () => {
    const admin = await buildActor(t, 'sys_admin');
    const session = await admin.client.get<{ permissions: string[] }>('/api/auth/session');
    expect(session.body.permissions).toContain('account.create');
    expect(session.body.permissions).not.toContain('application.create');
    const unit = await buildActor(t, 'unit');
    const unitSession = await unit.client.get<{ permissions: string[] }>('/api/auth/session');
    expect(unitSession.body.permissions).toContain('application.create');
    expect(unitSession.body.permissions).not.toContain('account.create');

    const target = await buildActor(t, 'expert');
    type U = { actions: string[] };
    const before = await admin.client.get<U>(`/api/users/${target.user.id}`);
    expect(before.body.actions).toContain('disable');
    expect(before.body.actions).not.toContain('enable');
    expect(before.body.actions).not.toContain('create');
    await admin.client.post(`/api/users/${target.user.id}/disable`);
    const after = await admin.client.get<U>(`/api/users/${target.user.id}`);
    expect(after.body.actions).toContain('enable');
    expect(after.body.actions).not.toContain('disable');
  });
});
