import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditCount, person } from '../taking/test-kit.js';
import { download, teamMatch, type CertificateView, type MineView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface EventView {
  id: number;
  name: string;
  revision: number;
  participants: Array<{ userId: number; username: string; name: string }>;
  projects: Array<{ solutionId: number; needTitle: string }>;
  actions: string[];
}
interface MatchesView {
  items: Array<{ solutionId: number; recommendation: { recommendedOn: string; note: string } | null }>;
}

const certCount = async (userId: number) =>
  (await t.db.selectFrom('certificates').select('id').where('user_id', '=', userId).execute()).length;

describe('certificates (证明)', () => {
  it('issues match certificates to the poster side and each confirmed taker member, verifiable in public', async () => {
    const cast = await teamMatch(t);
    for (const who of [cast.leader, cast.member, cast.unit]) {
      const mine = await who.client.get<MineView>('/api/results/certificates/mine');
      expect(mine.body.items).toContainEqual(
        expect.objectContaining({ kind: 'match', subjectId: cast.solutionId, certificate: null }),
      );
    }
    const issued = await cast.member.client.post<CertificateView>('/api/results/certificates', {
      kind: 'match',
      subjectId: cast.solutionId,
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      kind: 'match',
      holderName: '确认成员',
      subjectTitle: '高能量密度锂电池正极材料技术攻关',
    });
    expect(issued.body.number).toMatch(/^BH-JB-\d{4}-\d{6}$/);
    expect(issued.body.verificationCode).toMatch(/^[A-Z2-7]{16}$/);
    // Again: the same certificate.
    const again = await cast.member.client.post<CertificateView>('/api/results/certificates', {
      kind: 'match',
      subjectId: cast.solutionId,
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(issued.body.id);
    expect(await auditCount(t, 'certificate', issued.body.id)).toBe(1);
    const mine = await cast.member.client.get<MineView>('/api/results/certificates/mine');
    expect(mine.body.items.find((i) => i.kind === 'match')!.certificate).toMatchObject({
      number: issued.body.number,
    });

    const pdf = await download(cast.member.client, `/api/results/certificates/${issued.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');
    // The poster's unit gets its own, in its unit's name.
    const unitCert = await cast.unit.client.post<CertificateView>('/api/results/certificates', {
      kind: 'match',
      subjectId: cast.solutionId,
    });
    expect(unitCert.status).toBe(201);
    expect(unitCert.body.holderName).not.toBe('确认成员');

    // Public verification by code: a person's name masked; an unknown code: unknown.
    const v = await t
      .client()
      .get<{ verdict: string; certificate: { holderName: string; number: string } }>(
        `/api/verify/certificates/${issued.body.verificationCode.toLowerCase()}`,
      );
    expect(v.body).toMatchObject({
      verdict: 'valid',
      certificate: { holderName: '确***', number: issued.body.number },
    });
    expect((await t.client().get(`/api/verify/certificates/AAAAAAAAAAAAAAAA`)).body).toEqual({
      verdict: 'unknown',
      certificate: null,
    });

    // Not a party (declined the invitation, an outsider): 404 and nothing issued; someone else's PDF: 404.
    const outsider = await person(t);
    for (const who of [cast.decliner, outsider]) {
      expectError(
        await who.client.post('/api/results/certificates', { kind: 'match', subjectId: cast.solutionId }),
        404,
        'NOT_FOUND',
      );
      expect(await certCount(who.user.id)).toBe(0);
      expect((await download(who.client, `/api/results/certificates/${issued.body.id}/pdf`)).status).toBe(
        404,
      );
    }
    expect((await download(cast.city.client, `/api/results/certificates/${issued.body.id}/pdf`)).status).toBe(
      404,
    );
    expect((await download(t.client(), `/api/results/certificates/${issued.body.id}/pdf`)).status).toBe(401);
    expectError(
      await cast.city.client.post('/api/results/certificates', { kind: 'match', subjectId: cast.solutionId }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await cast.member.client.post('/api/results/certificates', { kind: 'medal', subjectId: 0 }),
      400,
      'VALIDATION_FAILED',
      ['kind:invalid_value', 'subjectId:too_small'],
    );
  });
});

describe('events and competition (活动与大赛)', () => {
  it('records an event with participants and projects; participants get a certificate; recommends to the competition', async () => {
    const cast = await teamMatch(t);
    const city = cast.city.client;
    const officer = await buildActor(t, 'district_officer', { regionId: cast.district.id });
    const body = {
      name: '2026年揭榜领题现场对接会',
      kind: 'matching_day',
      heldOn: '2026-11-20',
      place: '重庆市人力资源服务产业园',
      description: '发布需求并现场对接',
    };
    // Refusals first: wrong roles, anonymous, bad input; nothing recorded.
    const n = (await t.db.selectFrom('results_events').select('id').execute()).length;
    for (const c of [officer.client, cast.unit.client])
      expectError(await c.post('/api/results/events', body), 403, 'FORBIDDEN');
    expectError(await t.client().post('/api/results/events', body), 401, 'UNAUTHENTICATED');
    expectError(
      await city.post('/api/results/events', { ...body, name: '', kind: 'party', heldOn: '20.11.2026' }),
      400,
      'VALIDATION_FAILED',
      ['name:required', 'kind:invalid_value', 'heldOn:date_format'],
    );
    expect((await t.db.selectFrom('results_events').select('id').execute()).length).toBe(n);

    const created = await city.post<EventView>('/api/results/events', body);
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.actions).toEqual(['view', 'edit']);
    // A city-wide event: a district office reads it, cannot change it.
    const seen = await officer.client.get<EventView>(`/api/results/events/${id}`);
    expect(seen.body.actions).toEqual(['view']);
    expectError(
      await officer.client.post(`/api/results/events/${id}/participants`, {
        username: cast.leader.user.username,
      }),
      403,
      'FORBIDDEN',
    );
    expectError(await cast.leader.client.get(`/api/results/events/${id}`), 404, 'NOT_FOUND');

    const guest = await person(t, { name: '路演嘉宾' });
    const withGuest = await city.post<EventView>(`/api/results/events/${id}/participants`, {
      username: guest.user.username,
    });
    expect(withGuest.body.participants).toEqual([
      expect.objectContaining({ userId: guest.user.id, name: '路演嘉宾' }),
    ]);
    expectError(
      await city.post(`/api/results/events/${id}/participants`, { username: cast.city.user.username }),
      400,
      'VALIDATION_FAILED',
      ['username:unknown_participant'],
    );
    expectError(
      await city.post(`/api/results/events/${id}/projects`, { solutionId: 999999 }),
      400,
      'VALIDATION_FAILED',
      ['solutionId:not_matched'],
    );
    const withProject = await city.post<EventView>(`/api/results/events/${id}/projects`, {
      solutionId: cast.solutionId,
    });
    expect(withProject.body.projects).toEqual([
      expect.objectContaining({ solutionId: cast.solutionId, needTitle: '高能量密度锂电池正极材料技术攻关' }),
    ]);

    // The participant's certificate of participation; a person not linked: 404.
    const cert = await guest.client.post<CertificateView>('/api/results/certificates', {
      kind: 'participation',
      subjectId: id,
    });
    expect(cert.status).toBe(201);
    expect(cert.body).toMatchObject({ holderName: '路演嘉宾', subjectTitle: body.name });
    expect(cert.body.number).toMatch(/^BH-ZM-/);
    expectError(
      await cast.leader.client.post('/api/results/certificates', { kind: 'participation', subjectId: id }),
      404,
      'NOT_FOUND',
    );
    expect(await certCount(cast.leader.user.id)).toBe(0);

    // 推荐参加创新创业大赛: once; by the municipal office only.
    const rec = { recommendedOn: '2026-11-21', note: '推荐参加第十届创新创业大赛' };
    expectError(
      await officer.client.put(`/api/results/matches/${cast.solutionId}/competition`, rec),
      403,
      'FORBIDDEN',
    );
    const marked = await city.put<MatchesView>(`/api/results/matches/${cast.solutionId}/competition`, rec);
    expect(marked.status).toBe(200);
    expect(marked.body.items.find((m) => m.solutionId === cast.solutionId)!.recommendation).toEqual(rec);
    expectError(await city.put(`/api/results/matches/${cast.solutionId}/competition`, rec), 409, 'DUPLICATE');
    const districtView = await officer.client.get<MatchesView>('/api/results/matches');
    expect(districtView.body.items.map((m) => m.solutionId)).toContain(cast.solutionId);
    expect(await auditCount(t, 'results_event', id)).toBe(3);
    expect(await auditCount(t, 'solution', cast.solutionId)).toBeGreaterThan(0);
  });
});
