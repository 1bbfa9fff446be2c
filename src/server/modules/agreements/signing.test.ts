import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor, TEST_PASSWORD } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  agreementCast,
  makeAgreement,
  makeTemplate,
  sign,
  type AgreementCast,
  type AgreementView,
} from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** What a refusal must leave untouched: the document, its parties, its events, its audit records. */
async function snapshot(id: number) {
  const doc = await t.db
    .selectFrom('agreements')
    .select(['state', 'revision', 'filing_number', 'filed_sha256'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const parties = await t.db
    .selectFrom('agreement_parties')
    .select(['state', 'signed_at', 'signed_sha256', 'reason'])
    .where('agreement_id', '=', id)
    .orderBy('id')
    .execute();
  const events = await t.db
    .selectFrom('agreement_events')
    .select('id')
    .where('agreement_id', '=', id)
    .execute();
  return { doc, parties, events: events.length };
}

describe('signing a cooperation agreement', () => {
  let cast: AgreementCast;
  let a: AgreementView;
  beforeAll(async () => {
    cast = await agreementCast(t);
    const res = await makeAgreement(cast);
    expect(res.status).toBe(201);
    a = res.body;
  });

  it('is made from the active template version with the platform’s data, parties in signing order', () => {
    expect(a).toMatchObject({ state: 'signing', templateKey: 'cooperation' });
    expect(a.number).toMatch(/^BH-XY-\d{4}-\d{6}$/);
    expect(a.verificationCode).toMatch(/^[A-Z2-7]{16}$/);
    expect(a.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.parties.map((p) => [p.roleLabel, p.order, p.state])).toEqual([
      ['揭榜方', 1, 'pending'],
      ['张榜方', 2, 'pending'],
    ]);
    expect(a.parties[0]!.name).toBe('孙博士');
    expect(a.bodyText).toContain(cast.challenge.title);
    expect(a.bodyText).toContain('300 万元');
    expect(a.actions).toEqual(['cancel', 'download']);
  });

  it('refuses signing out of order, by a non-party, by the office, anonymously, or with a wrong password — changing nothing', async () => {
    const before = await snapshot(a.id);
    const outOfOrder = expectError(
      await sign(cast.unit.client, a.id, TEST_PASSWORD),
      409,
      'AGREEMENT_NOT_YOUR_TURN',
    );
    expect(outOfOrder.error.message).toContain('揭榜方');
    expectError(await sign(cast.other.client, a.id, TEST_PASSWORD), 404, 'NOT_FOUND');
    expectError(await sign(cast.city.client, a.id, TEST_PASSWORD), 403, 'FORBIDDEN');
    expectError(await sign(t.client(), a.id, TEST_PASSWORD), 401, 'UNAUTHENTICATED');
    expectError(await sign(cast.taker.client, a.id, 'Wrong#pass1'), 422, 'AGREEMENT_PASSWORD_WRONG', [
      'password:wrong_password',
    ]);
    expect(await snapshot(a.id)).toEqual(before);
    const user = await t.db
      .selectFrom('users')
      .select('failed_logins')
      .where('id', '=', cast.taker.user.id)
      .executeTakeFirstOrThrow();
    expect(user.failed_logins).toBe(1);
  });

  it('signs in order, records account, time, IP, user agent and the hash; a signed party cannot sign again', async () => {
    const first = await cast.taker.client.post<AgreementView>(
      `/api/agreements/${a.id}/sign`,
      { password: TEST_PASSWORD, documentSha256: a.documentSha256 },
      { headers: { 'user-agent': 'SignTest/1.0' } },
    );
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('signing');
    expect(first.body.parties[0]).toMatchObject({
      state: 'signed',
      ip: cast.taker.client.ip,
      signedSha256: a.documentSha256,
    });
    const row = await t.db
      .selectFrom('agreement_parties')
      .selectAll()
      .where('agreement_id', '=', a.id)
      .where('user_id', '=', cast.taker.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_agent: 'SignTest/1.0', method: 'password' });
    expect(row.signed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const before = await snapshot(a.id);
    expectError(await sign(cast.taker.client, a.id, TEST_PASSWORD), 409, 'AGREEMENT_ALREADY_SIGNED');
    expectError(
      await cast.taker.client.post(`/api/agreements/${a.id}/decline`, { reason: '反悔' }),
      409,
      'AGREEMENT_ALREADY_SIGNED',
    );
    expectError(await cast.city.client.post(`/api/agreements/${a.id}/file`), 409, 'STATE_CONFLICT');
    expect(await snapshot(a.id)).toEqual(before);
    const second = await sign(cast.unit.client, a.id, TEST_PASSWORD);
    expect(second.body.state).toBe('signed');
    expect(second.body.events.map((e) => e.action)).toEqual(['created', 'signed', 'signed', 'completed']);
  });

  it('is filed by the office in scope only; another district gets nothing; filing twice is a conflict', async () => {
    expectError(await cast.otherDistrict.client.post(`/api/agreements/${a.id}/file`), 404, 'NOT_FOUND');
    expectError(await cast.unit.client.post(`/api/agreements/${a.id}/file`), 403, 'FORBIDDEN');
    const seen = await cast.districtOfficer.client.get<AgreementView>(`/api/agreements/${a.id}`);
    expect(seen.body.actions).toContain('file');
    const filed = await cast.city.client.post<AgreementView>(`/api/agreements/${a.id}/file`);
    expect(filed.status).toBe(200);
    expect(filed.body.state).toBe('filed');
    expect(filed.body.filingNumber).toMatch(/^渝博备〔\d{4}〕\d+号$/);
    expect(filed.body.filedSha256).toMatch(/^[0-9a-f]{64}$/);
    expectError(
      await cast.districtOfficer.client.post(`/api/agreements/${a.id}/file`),
      409,
      'STATE_CONFLICT',
    );
    expectError(await sign(cast.unit.client, a.id, TEST_PASSWORD), 409, 'STATE_CONFLICT');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'agreement')
      .where('entity_id', '=', String(a.id))
      .orderBy('id')
      .execute();
    expect(audit.map((r) => r.action)).toEqual([
      'agreement.created',
      'agreement.sign_password_failed',
      'agreement.signed',
      'agreement.signed',
      'agreement.filed',
    ]);
  });
});

describe('declining', () => {
  it('ends the document with the reason; nobody can sign after a decline', async () => {
    const cast = await agreementCast(t);
    const a = (await makeAgreement(cast)).body;
    expectError(
      await cast.taker.client.post(`/api/agreements/${a.id}/decline`, { reason: ' ' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await cast.other.client.post(`/api/agreements/${a.id}/decline`, { reason: '不同意' }),
      404,
      'NOT_FOUND',
    );
    const declined = await cast.taker.client.post<AgreementView>(`/api/agreements/${a.id}/decline`, {
      reason: '合作期限需重新协商',
    });
    expect(declined.body.state).toBe('declined');
    expect(declined.body.actions).toEqual(['download']);
    const before = await snapshot(a.id);
    const refused = expectError(await sign(cast.unit.client, a.id, TEST_PASSWORD), 409, 'STATE_CONFLICT');
    expect(refused.error.message).toContain('已拒签');
    expectError(await sign(cast.taker.client, a.id, TEST_PASSWORD), 409, 'STATE_CONFLICT');
    expectError(await cast.city.client.post(`/api/agreements/${a.id}/file`), 409, 'STATE_CONFLICT');
    expect(await snapshot(a.id)).toEqual(before);
  });

  it('the municipal office cancels an unfiled document with a reason; parties cannot', async () => {
    const cast = await agreementCast(t);
    const a = (await makeAgreement(cast)).body;
    expectError(
      await cast.taker.client.post(`/api/agreements/${a.id}/cancel`, { reason: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await cast.districtOfficer.client.post(`/api/agreements/${a.id}/cancel`, { reason: 'x' }),
      403,
      'FORBIDDEN',
    );
    const res = await cast.city.client.post<AgreementView>(`/api/agreements/${a.id}/cancel`, {
      reason: '误建',
    });
    expect(res.body.state).toBe('cancelled');
    expectError(await sign(cast.taker.client, a.id, TEST_PASSWORD), 409, 'STATE_CONFLICT');
  });
});

describe('concurrency and lock-out', () => {
  it('two parties of equal order signing at once both succeed; a double click signs once', async () => {
    const cast = await agreementCast(t);
    const tpl = await makeTemplate(cast.city.client);
    expect(tpl.status).toBe(201);
    const a = (await makeAgreement(cast, { templateKey: tpl.body.key, fields: {} })).body;
    expect(a.parties.map((p) => p.order)).toEqual([1, 1]);
    const [x, y, z] = await Promise.all([
      sign(cast.taker.client, a.id, TEST_PASSWORD),
      sign(cast.taker.client, a.id, TEST_PASSWORD),
      sign(cast.unit.client, a.id, TEST_PASSWORD),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect(z.status).toBe(200);
    const final = await cast.city.client.get<AgreementView>(`/api/agreements/${a.id}`);
    expect(final.body.state).toBe('signed');
    expect(final.body.events.filter((e) => e.action === 'signed')).toHaveLength(2);
  });

  it('wrong signing passwords count against the login lock-out', async () => {
    const cast = await agreementCast(t);
    const a = (await makeAgreement(cast)).body;
    for (let i = 0; i < 4; i++)
      expectError(await sign(cast.taker.client, a.id, 'Wrong#pass1'), 422, 'AGREEMENT_PASSWORD_WRONG');
    expectError(await sign(cast.taker.client, a.id, 'Wrong#pass1'), 423, 'ACCOUNT_LOCKED');
    expectError(await sign(cast.taker.client, a.id, TEST_PASSWORD), 423, 'ACCOUNT_LOCKED');
    const login = await t
      .client()
      .post('/api/auth/login', { username: cast.taker.user.username, password: TEST_PASSWORD });
    expectError(login, 423, 'ACCOUNT_LOCKED');
    expect((await snapshot(a.id)).parties[0]!.state).toBe('pending');
  });
});

describe('making documents', () => {
  it('refuses a missing required field, an unknown field, a wrong taker or posting, and a template with an undeclared placeholder', async () => {
    const cast = await agreementCast(t);
    const count = async () => (await t.db.selectFrom('agreements').select('id').execute()).length;
    const before = await count();
    expectError(await makeAgreement(cast, { fields: { end_date: '2027-12-31' } }), 400, 'VALIDATION_FAILED', [
      'fields.cooperation_scope:required',
    ]);
    expectError(
      await makeAgreement(cast, { fields: { cooperation_scope: 'x', end_date: 'y', bogus: 'z' } }),
      400,
      'VALIDATION_FAILED',
      ['fields.bogus:template_field_unknown'],
    );
    const poster = await cast.city.client.post('/api/agreements', {
      templateKey: 'cooperation',
      challengeId: cast.challenge.id,
      takerUsername: cast.unit.user.username,
      fields: {},
    });
    expectError(poster, 400, 'VALIDATION_FAILED', ['takerUsername:taker_is_poster']);
    const officer = await buildActor(t, 'expert');
    expectError(
      await cast.city.client.post('/api/agreements', {
        templateKey: 'cooperation',
        challengeId: cast.challenge.id,
        takerUsername: officer.user.username,
      }),
      400,
      'VALIDATION_FAILED',
      ['takerUsername:party_account'],
    );
    expectError(await makeAgreement(cast, { templateKey: 'commitment_tech' }), 400, 'VALIDATION_FAILED', [
      'templateKey:template_not_for_challenge',
    ]);
    expectError(await makeAgreement(cast, { templateKey: 'no_such_tpl' }), 400, 'VALIDATION_FAILED', [
      'templateKey:template_unknown',
    ]);
    expectError(
      await cast.unit.client.post('/api/agreements', {
        templateKey: 'cooperation',
        challengeId: cast.challenge.id,
        takerUsername: 'x',
      }),
      403,
      'FORBIDDEN',
    );
    const bad = await makeTemplate(cast.city.client, { body: '甲方：{{poster_name}}，金额：{{amount}}' });
    const err = expectError(bad, 400, 'VALIDATION_FAILED', ['body:template_field_undeclared']);
    expect(err.error.fields![0]!.message).toContain('{{amount}}');
    expect(await count()).toBe(before);
  });

  it('keeps template versions: a new version is used for new documents, old documents name theirs', async () => {
    const cast = await agreementCast(t);
    const v1 = (await makeTemplate(cast.city.client)).body;
    const d1 = (await makeAgreement(cast, { templateKey: v1.key, fields: {} })).body;
    const v2 = await makeTemplate(cast.city.client, { key: v1.key, title: '测试合作协议（修订）' });
    expect(v2.body).toMatchObject({ key: v1.key, version: 2 });
    const d2 = (await makeAgreement(cast, { templateKey: v1.key, fields: { note: '第二版' } })).body;
    expect([d1.templateVersion, d2.templateVersion]).toEqual([1, 2]);
    const again = await cast.city.client.get<AgreementView>(`/api/agreements/${d1.id}`);
    expect(again.body.templateVersion).toBe(1);
    const list = await cast.districtOfficer.client.get<{
      items: Array<{ version: number; active: boolean }>;
    }>(`/api/agreement-templates?key=${v1.key}`);
    expect(list.body.items.map((i) => [i.version, i.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expectError(await makeTemplate(cast.districtOfficer.client), 403, 'FORBIDDEN');
    expectError(await cast.unit.client.get('/api/agreement-templates'), 403, 'FORBIDDEN');
  });
});
