import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './core/audit.js';
import { ensureInitialAdmin, INITIAL_ADMIN } from './bootstrap.js';
import { verifyPassword } from './modules/accounts/password.js';
import { startTestApp, type TestApp } from './test/harness.js';

let t: TestApp;
// A database of its own: the first start only creates an admin where there is none.
beforeAll(async () => {
  t = await startTestApp({ isolated: true });
});
afterAll(async () => {
  await t.close();
});

describe('first start', () => {
  it('creates one system admin with a random password that must be changed, once', async () => {
    const created = await ensureInitialAdmin(t.handle, t.dataDir);
    expect(created?.username).toBe(INITIAL_ADMIN);
    const pw = created!.password;
    expect(pw).toHaveLength(16);
    const row = await t.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', INITIAL_ADMIN)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'sys_admin', must_change_password: 1, status: 'active' });
    expect(await verifyPassword(pw, row.password_hash)).toBe(true);
    const file = path.join(t.dataDir, 'initial-admin.txt');
    expect(await fs.readFile(file, 'utf8')).toContain(`password: ${pw}`);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', String(row.id))
      .execute();
    expect(audit.map((r) => [r.action, r.actor_name, r.actor_id])).toEqual([
      ['account.created', 'system', null],
    ]);
    expect(audit[0]!.after_json).not.toContain(pw);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    expect(await ensureInitialAdmin(t.handle, t.dataDir)).toBeNull();
    const admins = await t.db.selectFrom('users').select('id').where('role', '=', 'sys_admin').execute();
    expect(admins).toHaveLength(1);

    const c = t.client();
    const login = await c.post<{ user: { mustChangePassword: boolean } }>('/api/auth/login', {
      username: INITIAL_ADMIN,
      password: pw,
    });
    expect(login.body.user.mustChangePassword).toBe(true);
    expect((await c.get('/api/users')).status).toBe(403);
  });
});
