import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, type ApiClient } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { expire, entity, must, person, signUp, takingCast, COMMITMENTS } from '../taking/test-kit.js';

let t: TestApp;
let cast: Awaited<ReturnType<typeof takingCast>>;
let officer: ApiClient;
let otherOfficer: ApiClient;
beforeAll(async () => {
  // A database of its own: the ranking test must not meet other files' PhDs who took look-alike needs.
  t = await startTestApp({ isolated: true });
  cast = await takingCast(t);
  officer = (await buildActor(t, 'district_officer', { regionId: cast.district.id })).client;
  otherOfficer = (await buildActor(t, 'district_officer')).client;
});
afterAll(async () => t.close());

interface Verification {
  state: string;
  note: string;
  actions: string[];
}
const vpath = (type: string, id: number, action?: string) =>
  `/api/organiser/verifications/${type}/${id}${action ? `/${action}` : ''}`;
const rows = async (table: 'verifications' | 'suggestions', id: number) =>
  table === 'verifications'
    ? (await t.db.selectFrom('verifications').select('id').where('entity_id', '=', id).execute()).length
    : (await t.db.selectFrom('suggestions').select('id').where('challenge_id', '=', id).execute()).length;

describe('核实 of postings and sign-ups', () => {
  it('the district office verifies a posting of its district; the poster reads the state and is told', async () => {
    const id = cast.tech.id;
    const before = must(await officer.get<Verification>(vpath('challenge', id)), 200, 'view');
    expect(before).toMatchObject({
      state: 'unverified',
      actions: expect.arrayContaining(['verify', 'question']),
    });
    const done = must(
      await officer.post<Verification>(vpath('challenge', id, 'verify'), { note: '' }),
      200,
      'verify',
    );
    expect(done).toMatchObject({ state: 'verified', actions: ['question'] });
    // Twice is a conflict, nothing changes.
    expectError(await officer.post(vpath('challenge', id, 'verify'), {}), 403, 'FORBIDDEN');
    const poster = must(await cast.unit.client.get<Verification>(vpath('challenge', id)), 200, 'poster');
    expect(poster).toMatchObject({ state: 'verified', actions: [] });
    const notes = await t.db
      .selectFrom('outbox')
      .select('payload')
      .where('payload', 'like', '%核实结果%')
      .execute();
    expect(notes.some((n) => n.payload.includes(String(cast.unit.user.id)))).toBe(true);
  });

  it('questioning needs a note, which the owner reads; verification later settles it', async () => {
    const { client: taker } = await person(t);
    const s = must(await signUp(taker, cast.tech.id, { takerKind: 'individual' }), 201, 'signup');
    expectError(
      await officer.post(vpath('signup', s.id, 'question'), { note: '  ' }),
      422,
      'OPINION_REQUIRED',
    );
    const signupRows = async () =>
      (
        await t.db
          .selectFrom('verifications')
          .select('id')
          .where('entity_type', '=', 'signup')
          .where('entity_id', '=', s.id)
          .execute()
      ).length;
    expect(await signupRows()).toBe(0);
    const q = must(
      await officer.post<Verification>(vpath('signup', s.id, 'question'), { note: '请补充博士学位证书' }),
      200,
      'question',
    );
    expect(q.state).toBe('questioned');
    expect(must(await taker.get<Verification>(vpath('signup', s.id)), 200, 'taker')).toMatchObject({
      state: 'questioned',
      note: '请补充博士学位证书',
    });
    must(
      await cast.city.client.post(vpath('signup', s.id, 'verify'), { note: '已补充' }),
      200,
      'city verify',
    );
    const audits = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'signup')
      .where('entity_id', '=', String(s.id))
      .where('action', 'like', 'verification.%')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['verification.question', 'verification.verify']);
  });

  it('refuses other districts (404), people acting as offices (404), anonymous callers, drafts and unknown ids', async () => {
    expectError(
      await otherOfficer.post(vpath('challenge', cast.transfer.id, 'verify'), {}),
      404,
      'NOT_FOUND',
    );
    expectError(await otherOfficer.get(vpath('challenge', cast.transfer.id)), 404, 'NOT_FOUND');
    expectError(
      await cast.other.client.post(vpath('challenge', cast.transfer.id, 'verify'), {}),
      404,
      'NOT_FOUND',
    );
    expectError(
      await cast.postdoc.client.post(vpath('challenge', cast.transfer.id, 'verify'), {}),
      403,
      'FORBIDDEN',
    );
    expectError(
      await t.client().post(vpath('challenge', cast.transfer.id, 'verify'), {}),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await officer.post(vpath('challenge', 999_999_999, 'verify'), {}), 404, 'NOT_FOUND');
    expectError(await officer.post(vpath('nonsense', 1, 'verify'), {}), 400, 'VALIDATION_FAILED');
    expect(await rows('verifications', cast.transfer.id)).toBe(0);
  });

  it('the queue lists the district’s postings with their state, and nothing of other districts', async () => {
    const mine = await officer.get<{ items: Array<{ id: number; state: string; actions: string[] }> }>(
      '/api/organiser/verifications?type=challenge',
    );
    const ids = mine.body.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([cast.tech.id, cast.transfer.id]));
    const other = await otherOfficer.get<{ total: number }>('/api/organiser/verifications?type=challenge');
    expect(other.body.total).toBe(0);
    expectError(await cast.unit.client.get('/api/organiser/verifications?type=challenge'), 403, 'FORBIDDEN');
  });
});

describe('engagement overview', () => {
  it('lists every sign-up of the scope with counts per stage, filters, and exports Excel', async () => {
    const res = await officer.get<{
      total: number;
      counts: Record<string, number>;
      items: Array<{ challengeId: number; stage: string }>;
    }>('/api/organiser/engagements');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items.every((i) => [cast.tech.id, cast.transfer.id].includes(i.challengeId))).toBe(true);
    expect(res.body.counts.no_solution).toBe(res.body.total);
    const filtered = await officer.get<{ total: number }>('/api/organiser/engagements?stage=matched');
    expect(filtered.body.total).toBe(0);
    const xlsx = await officer.get('/api/organiser/engagements/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await otherOfficer.get<{ total: number }>('/api/organiser/engagements')).body.total).toBe(0);
    expectError(await cast.unit.client.get('/api/organiser/engagements'), 403, 'FORBIDDEN');
    expectError(await t.client().get('/api/organiser/engagements'), 401, 'UNAUTHENTICATED');
    expectError(await officer.get('/api/organiser/engagements?stage=bogus'), 400, 'VALIDATION_FAILED');
  });
});

describe('suggesting a taker (推荐揭榜方)', () => {
  it('suggests an eligible PhD; the poster sees it, the person is told, and it becomes signed_up on sign-up', async () => {
    const phd = await person(t);
    const s = await officer.post<{ id: number; state: string }>('/api/organiser/suggestions', {
      challengeId: cast.tech.id,
      candidateKind: 'user',
      candidateId: phd.user.id,
      note: '研究方向高度契合',
    });
    expect(s.status).toBe(201);
    expectError(
      await officer.post('/api/organiser/suggestions', {
        challengeId: cast.tech.id,
        candidateKind: 'user',
        candidateId: phd.user.id,
      }),
      409,
      'SUGGESTION_DUPLICATE',
    );
    const forPoster = await cast.unit.client.get<{ items: Array<{ id: number; candidateName: string }> }>(
      `/api/challenges/${cast.tech.id}/suggestions`,
    );
    expect(forPoster.body.items.map((i) => i.id)).toContain(s.body.id);
    const mine = await phd.client.get<{ items: Array<{ id: number; actions: string[] }> }>(
      '/api/suggestions/mine',
    );
    expect(mine.body.items.find((i) => i.id === s.body.id)?.actions).toEqual(['decline']);
    must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'signup');
    const after = await t.db
      .selectFrom('suggestions')
      .select('state')
      .where('id', '=', s.body.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe('signed_up');
    expectError(
      await officer.post('/api/organiser/suggestions', {
        challengeId: cast.tech.id,
        candidateKind: 'user',
        candidateId: phd.user.id,
      }),
      409,
      'ALREADY_SIGNED_UP',
    );
  });

  it('refuses ineligible candidates naming the rule, closed needs, other districts; nothing is written', async () => {
    const before = await rows('suggestions', cast.tech.id);
    const master = await person(t, { degree: 'master', postdocStatus: 'none' });
    const bad = expectError(
      await officer.post('/api/organiser/suggestions', {
        challengeId: cast.tech.id,
        candidateKind: 'user',
        candidateId: master.user.id,
      }),
      422,
      'TAKER_NOT_ELIGIBLE',
    );
    expect(bad.error.fields?.[0]).toMatchObject({ path: 'candidateId', code: 'taking.individual_not_phd' });
    const young = await entity(t, new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10));
    const tooYoung = await officer.post('/api/organiser/suggestions', {
      challengeId: cast.transfer.id,
      candidateKind: 'unit',
      candidateId: young.user.unitId,
    });
    expect(expectError(tooYoung, 422, 'TAKER_NOT_ELIGIBLE').error.fields?.[0]?.code).toBe(
      'taking.registered_under_one_year',
    );
    expectError(
      await otherOfficer.post('/api/organiser/suggestions', {
        challengeId: cast.tech.id,
        candidateKind: 'user',
        candidateId: master.user.id,
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await cast.unit.client.post('/api/organiser/suggestions', {
        challengeId: cast.tech.id,
        candidateKind: 'user',
        candidateId: master.user.id,
      }),
      403,
      'FORBIDDEN',
    );
    expect(await rows('suggestions', cast.tech.id)).toBe(before);
  });

  it('a unit declines with a reason (required); the office withdraws another; late clicks conflict', async () => {
    const old = await entity(t, '2015-01-01');
    const s = must(
      await officer.post<{ id: number }>('/api/organiser/suggestions', {
        challengeId: cast.transfer.id,
        candidateKind: 'unit',
        candidateId: old.user.unitId,
        note: '具备中药生产资质',
      }),
      201,
      'suggest unit',
    );
    expectError(
      await old.client.post(`/api/suggestions/${s.id}/decline`, { reason: '' }),
      422,
      'OPINION_REQUIRED',
    );
    expectError(
      await cast.other.client.post(`/api/suggestions/${s.id}/decline`, { reason: 'x' }),
      404,
      'NOT_FOUND',
    );
    must(await old.client.post(`/api/suggestions/${s.id}/decline`, { reason: '产能已满' }), 200, 'decline');
    // Declined already: the office's late withdrawal is a conflict, and changes nothing.
    expectError(await officer.post(`/api/suggestions/${s.id}/withdraw`, {}), 409, 'STATE_CONFLICT');
    const phd2 = await person(t);
    const s2 = must(
      await officer.post<{ id: number }>('/api/organiser/suggestions', {
        challengeId: cast.tech.id,
        candidateKind: 'user',
        candidateId: phd2.user.id,
      }),
      201,
      'suggest',
    );
    const [a, b] = await Promise.all([
      officer.post(`/api/suggestions/${s2.id}/withdraw`, {}),
      cast.city.client.post(`/api/suggestions/${s2.id}/withdraw`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(COMMITMENTS.fundsWan).toBeGreaterThan(0);
  });

  it('refuses a need past its deadline', async () => {
    const phd = await person(t);
    const c = cast.tech.id;
    const deadline = (
      await t.db.selectFrom('challenges').select('deadline').where('id', '=', c).executeTakeFirstOrThrow()
    ).deadline;
    await expire(t, c);
    expectError(
      await officer.post('/api/organiser/suggestions', {
        challengeId: c,
        candidateKind: 'user',
        candidateId: phd.user.id,
      }),
      422,
      'DEADLINE_PASSED',
    );
    await t.db.updateTable('challenges').set({ deadline }).where('id', '=', c).execute();
  });
});

describe('recommendations', () => {
  it('ranks PhDs whose field fits the need first, with reasons; poster and office only', async () => {
    const fit = await person(t, { name: '锂电博士' });
    await t.db
      .updateTable('person_profiles')
      .set({ field: '锂电池正极材料与能源存储' })
      .where('user_id', '=', fit.user.id)
      .execute();
    const res = await officer.get<{ items: Array<{ id: number; reasons: Array<{ code: string }> }> }>(
      `/api/challenges/${cast.tech.id}/recommendations`,
    );
    expect(res.status).toBe(200);
    const mine = res.body.items.find((i) => i.id === fit.user.id);
    expect(mine?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['same_domain', 'keywords']));
    expect(res.body.items[0]?.id).toBe(fit.user.id);
    expect((await cast.unit.client.get(`/api/challenges/${cast.tech.id}/recommendations`)).status).toBe(200);
    expectError(await otherOfficer.get(`/api/challenges/${cast.tech.id}/recommendations`), 404, 'NOT_FOUND');
    expectError(
      await cast.other.client.get(`/api/challenges/${cast.tech.id}/recommendations`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await t.client().get(`/api/challenges/${cast.tech.id}/recommendations`),
      401,
      'UNAUTHENTICATED',
    );

    const forMe = await fit.client.get<{ items: Array<{ id: number; reasons: Array<{ code: string }> }> }>(
      '/api/recommendations/needs',
    );
    expect(forMe.status).toBe(200);
    expect(forMe.body.items.map((i) => i.id)).toContain(cast.tech.id);
    expectError(await officer.get('/api/recommendations/needs'), 403, 'FORBIDDEN');
  });
});
