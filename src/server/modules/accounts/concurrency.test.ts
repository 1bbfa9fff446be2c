import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../core/audit.js';
import { expectError } from '../../test/client.js';
import { buildActor, buildDistrict, buildUser, unitRegistration } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditMark, auditSince } from '../../test/records.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('concurrent requests', () => {
  it('two parallel disables of one account: exactly one 200 and one 409, one audit record', async () => {
    const { client: sys } = await buildActor(t, 'sys_admin');
    for (let round = 0; round < 3; round++) {
      const target = await buildUser(t.db, 'expert');
      const mark = await auditMark(t.db);
      const results = await Promise.all([
        sys.post(`/api/users/${target.id}/disable`),
        sys.post(`/api/users/${target.id}/disable`),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const conflict = results.find((r) => r.status === 409)!;
      // The message names the state the account is in now, not the one read before the race.
      expect(expectError(conflict, 409, 'STATE_CONFLICT').error.message).toBe(
        '该事项状态已变化（当前：已停用），请刷新后重试',
      );
      const records = await auditSince(t.db, mark, { accountIds: [target.id] });
      expect(records.map((r) => r.action)).toEqual(['account.disabled']);
    }
  });

  it('a second admin session racing disable against enable leaves a consistent state', async () => {
    const { client: sys } = await buildActor(t, 'sys_admin');
    const target = await buildUser(t.db, 'expert', { status: 'disabled' });
    const results = await Promise.all([
      sys.post(`/api/users/${target.id}/enable`),
      sys.post(`/api/users/${target.id}/enable`),
      sys.post(`/api/users/${target.id}/enable`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const row = await t.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
  });

  it('20 parallel registrations all succeed and the audit chain does not fork', async () => {
    const district = await buildDistrict(t.db);
    const bodies = Array.from({ length: 20 }, () => unitRegistration(district.id));
    const mark = await auditMark(t.db);
    const results = await Promise.all(
      bodies.map((b) => t.client().post<{ id: number }>('/api/accounts/register/unit', b)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = results.map((r) => r.body.id);
    const records = await auditSince(t.db, mark, { actorIds: ids });
    expect(records).toHaveLength(40);
    expect(new Set(records.map((r) => r.id)).size).toBe(40);
    // Each record links to the one before it: no two records share a predecessor.
    const all = await t.db
      .selectFrom('audit_log')
      .select(['id', 'prev_hash', 'hash'])
      .where('id', '>', mark)
      .orderBy('id')
      .execute();
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    expect(new Set(all.map((r) => r.prev_hash)).size).toBe(all.length);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('the same username registered twice at once: one 201, one DUPLICATE', async () => {
    const district = await buildDistrict(t.db);
    const a = unitRegistration(district.id);
    const b = { ...unitRegistration(district.id), username: a.username };
    const results = await Promise.all([
      t.client().post('/api/accounts/register/unit', a),
      t.client().post('/api/accounts/register/unit', b),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expectError(
      results.find((r) => r.status === 409)!,
      409,
      'DUPLICATE',
    );
    const users = await t.db.selectFrom('users').select('id').where('username', '=', a.username).execute();
    expect(users).toHaveLength(1);
  });

  it('verifying while others write never reports a false break', async () => {
    const { client: auditor } = await buildActor(t, 'audit_admin');
    const district = await buildDistrict(t.db);
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 15; i++)
        await t.client().post('/api/accounts/register/unit', unitRegistration(district.id));
      writing = false;
    })();
    const reports: unknown[] = [];
    while (writing) {
      const [api, direct] = await Promise.all([auditor.get('/api/audit/verify'), verifyAuditChain(t.db)]);
      reports.push(api.body, direct);
    }
    await writer;
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(r).toMatchObject({ ok: true });
  });
});
