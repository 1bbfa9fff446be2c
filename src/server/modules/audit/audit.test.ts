import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash, verifyAuditChain } from '../../core/audit.js';
import type { Db, DialectName } from '../../db/index.js';
import { expectError, type ApiClient } from '../../test/client.js';
import { buildActor, buildDistrict, unitRegistration } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

interface AuditItem {
  id: number;
  actorId: number | null;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  regionId: number | null;
  ip: string;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string;
}
type AuditPage = { total: number; page: number; pageSize: number; items: AuditItem[] };
type Report = { ok: boolean; checked: number; brokenAt?: number; reason?: string };

let t: TestApp;
let auditor: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  auditor = (await buildActor(t, 'audit_admin')).client;
});
afterAll(async () => {
  await t.close();
});

describe('reading the audit trail (audit admin)', () => {
  it('finds the records of one account, newest first, with before/after, actor and address', async () => {
    const { client: sys, user: sysUser } = await buildActor(t, 'sys_admin');
    const { user: target } = await buildActor(t, 'expert');
    await sys.post(`/api/users/${target.id}/disable`);
    await sys.post(`/api/users/${target.id}/enable`);
    const res = await auditor.get<AuditPage>(`/api/audit?entityType=account&entityId=${target.id}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((i) => i.action)).toEqual([
      'account.enabled',
      'account.disabled',
      'auth.login',
    ]);
    expect(res.body.items[0]).toMatchObject({
      actorId: sysUser.id,
      actorName: sysUser.username,
      actorRole: 'sys_admin',
      entityType: 'account',
      entityId: String(target.id),
      before: { status: 'disabled' },
      after: { status: 'active' },
      ip: sys.ip,
    });
    expect(res.body.items[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.items[2]!.before).toBeNull();

    const byAction = await auditor.get<AuditPage>(
      `/api/audit?action=account.disabled&actorName=${sysUser.username}`,
    );
    expect(byAction.body.items.map((i) => i.entityId)).toEqual([String(target.id)]);
    const paged = await auditor.get<AuditPage>(
      `/api/audit?entityType=account&entityId=${target.id}&pageSize=1&page=3`,
    );
    expect(paged.body).toMatchObject({ total: 3, page: 3, pageSize: 1 });
    expect(paged.body.items.map((i) => i.action)).toEqual(['auth.login']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await auditor.get<AuditPage>(`/api/audit?entityId=${target.id}&from=${future}`)).body.total).toBe(
      0,
    );
    expect((await auditor.get<AuditPage>(`/api/audit?entityId=${target.id}&to=${future}`)).body.total).toBe(
      3,
    );
  });

  it('refuses bad filters, naming them', async () => {
    expectError(await auditor.get('/api/audit?pageSize=1000'), 400, 'VALIDATION_FAILED', [
      'pageSize:too_big',
    ]);
    expectError(await auditor.get('/api/audit?from=yesterday'), 400, 'VALIDATION_FAILED', [
      'from:invalid_format',
    ]);
  });

  it('verifies the chain', async () => {
    const res = await auditor.get<Report>('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.checked).toBeGreaterThan(0);
  });
});

/** Turns the append-only guard off for `fn` (only ever in a database of the test's own). */
async function bypassAppendOnly(db: Db, dialect: DialectName, fn: () => Promise<void>): Promise<void> {
  if (dialect === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(db);
    try {
      await fn();
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(db);
    }
    return;
  }
  await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
  try {
    await fn();
  } finally {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
  }
}

describe('tamper evidence (in a database of its own)', () => {
  let own: TestApp;
  let ownAuditor: ApiClient;
  beforeAll(async () => {
    own = await startTestApp({ isolated: true });
    ownAuditor = (await buildActor(own, 'audit_admin')).client;
    const district = await buildDistrict(own.db);
    for (let i = 0; i < 3; i++)
      expect(
        (await own.client().post('/api/accounts/register/unit', unitRegistration(district.id))).status,
      ).toBe(201);
  });
  afterAll(async () => {
    await own.close();
  });

  it('starts from a chain that verifies', async () => {
    expect(await verifyAuditChain(own.db)).toEqual({ ok: true, checked: 7 });
    expect((await ownAuditor.get<Report>('/api/audit/verify')).body).toEqual({ ok: true, checked: 7 });
  });

  it('the database refuses UPDATE, DELETE (and TRUNCATE) of audit records', async () => {
    await expect(
      sql`UPDATE audit_log SET actor_name = 'mallory' WHERE id = 2`.execute(own.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = 2`.execute(own.db)).rejects.toThrow(/append-only/);
    await expect(own.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (own.dialect === 'postgres')
      await expect(sql`TRUNCATE audit_log`.execute(own.db)).rejects.toThrow(/append-only/);
    const row = await own.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('id', '=', 2)
      .executeTakeFirstOrThrow();
    expect(row.actor_name).not.toBe('mallory');
    expect((await verifyAuditChain(own.db)).ok).toBe(true);
  });

  it('an edited record breaks the chain at that record; restoring it heals it', async () => {
    const original = await own.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', 3)
      .executeTakeFirstOrThrow();
    await bypassAppendOnly(own.db, own.dialect, async () => {
      await own.db
        .updateTable('audit_log')
        .set({ after_json: '{"status":"forged"}' })
        .where('id', '=', 3)
        .execute();
    });
    expect(await verifyAuditChain(own.db)).toEqual({
      ok: false,
      checked: 2,
      brokenAt: 3,
      reason: 'hash_mismatch',
    });
    expect((await ownAuditor.get<Report>('/api/audit/verify')).body).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash_mismatch',
    });

    await bypassAppendOnly(own.db, own.dialect, async () => {
      await own.db
        .updateTable('audit_log')
        .set({ after_json: original.after_json })
        .where('id', '=', 3)
        .execute();
    });
    expect((await verifyAuditChain(own.db)).ok).toBe(true);
  });

  it('a re-hashed forgery is caught at the next link; a removed record as a gap; a removed tail at the head', async () => {
    const rows = await own.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const r4 = rows[3]!;
    const { hash: _h, ...fields } = { ...r4, actor_name: 'mallory' };
    await bypassAppendOnly(own.db, own.dialect, async () => {
      await own.db
        .updateTable('audit_log')
        .set({ actor_name: 'mallory', hash: auditHash(fields) })
        .where('id', '=', 4)
        .execute();
    });
    // Record 4 is consistent in itself, but record 5 links to the old hash.
    expect(await verifyAuditChain(own.db)).toEqual({
      ok: false,
      checked: 4,
      brokenAt: 5,
      reason: 'link_mismatch',
    });

    await bypassAppendOnly(own.db, own.dialect, async () => {
      await own.db
        .updateTable('audit_log')
        .set({ actor_name: r4.actor_name, hash: r4.hash })
        .where('id', '=', 4)
        .execute();
      await own.db.deleteFrom('audit_log').where('id', '=', 5).execute();
    });
    expect(await verifyAuditChain(own.db)).toEqual({ ok: false, checked: 4, brokenAt: 5, reason: 'gap' });

    const last = rows[rows.length - 1]!;
    await bypassAppendOnly(own.db, own.dialect, async () => {
      await own.db.insertInto('audit_log').values(rows[4]!).execute();
      await own.db.deleteFrom('audit_log').where('id', '=', last.id).execute();
    });
    expect(await verifyAuditChain(own.db)).toMatchObject({
      ok: false,
      brokenAt: last.id,
      reason: 'head_mismatch',
    });
    await bypassAppendOnly(own.db, own.dialect, async () => {
      await own.db.insertInto('audit_log').values(last).execute();
    });
    expect((await verifyAuditChain(own.db)).ok).toBe(true);
  });
});
