import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { CONFIDENTIALITY } from '../../../shared/taking/confidentiality.js';
import { published, SECRET, techInput } from '../challenges/test-kit.js';
import { PDF_BYTES, upload } from '../stations/test-kit.js';
import { challengeCast } from '../challenges/test-kit.js';
import { person, signUp, type SignupView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface AccessLog {
  items: Array<{ what: string; fileId: number | null; userId: number; ip: string }>;
}

describe('the confidentiality gate on a need', () => {
  it('shows the confidential part to a taker only after the 保密书, logging every view for the poster', async () => {
    const cast = await challengeCast(t);
    const secretFile = (await upload(cast.unit.client, PDF_BYTES, { filename: '工艺参数（保密）.pdf' })).body;
    const base = techInput(cast.district.id);
    const need = await published(cast, cast.unit.client, {
      ...base,
      confidential: { ...base.confidential, attachmentIds: [secretFile.id] },
    });
    const id = need.id;
    const phd = await person(t);
    const stranger = await person(t);
    const url = `/api/challenges/${id}/confidential`;
    const fileUrl = `${url}/files/${secretFile.id}`;

    // Not signed up: as if nothing were there.
    for (const res of [await stranger.client.get(url), await stranger.client.get(fileUrl)]) {
      expectError(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain(SECRET);
    }
    expectError(await t.client().get(url), 401, 'UNAUTHENTICATED');
    const version = CONFIDENTIALITY.taker.version;
    expectError(
      await stranger.client.post(`/api/challenges/${id}/confidentiality`, { side: 'taker', version }),
      404,
      'NOT_FOUND',
    );

    // Signed up, not yet accepted: 403 naming the agreement, nothing of the part.
    const s = await signUp(phd.client, id, { takerKind: 'individual' });
    for (const res of [await phd.client.get(url), await phd.client.get(fileUrl)]) {
      expectError(res, 403, 'CONFIDENTIALITY_REQUIRED');
      expect(res.text).not.toContain(SECRET);
      expect(res.text).not.toContain('工艺参数');
    }
    expectError(
      await phd.client.post(`/api/challenges/${id}/confidentiality`, { side: 'taker', version: 'old' }),
      400,
      'VALIDATION_FAILED',
      ['version:confidentiality_version'],
    );
    const accepted = await phd.client.post<{ version: string; sha256: string; userId: number }>(
      `/api/challenges/${id}/confidentiality`,
      { side: 'taker', version },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ version, userId: phd.user.id });
    const filed = await t.db
      .selectFrom('confidentiality_acceptances')
      .selectAll()
      .where('challenge_id', '=', id)
      .where('user_id', '=', phd.user.id)
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({
      side: 'taker',
      version,
      text: CONFIDENTIALITY.taker.text,
      text_sha256: accepted.body.sha256,
      signup_id: s.body.id,
    });
    expect(filed.ip).toMatch(/^10\./);
    // Accepting again changes nothing.
    await phd.client.post(`/api/challenges/${id}/confidentiality`, { side: 'taker', version });
    const acceptances = await t.db
      .selectFrom('confidentiality_acceptances')
      .select('id')
      .where('challenge_id', '=', id)
      .execute();
    expect(acceptances).toHaveLength(1);
    const signup = await phd.client.get<SignupView>(`/api/signups/${s.body.id}`);
    expect(signup.body.confidentialityAccepted).toBe(true);
    expect(signup.body.actions).toContain('view_confidential');

    const part = await phd.client.get<{
      confidential: { details: string };
      attachments: Array<{ id: number }>;
    }>(url);
    expect(part.status).toBe(200);
    expect(part.body.confidential.details).toBe(SECRET);
    expect(part.body.attachments.map((f) => f.id)).toEqual([secretFile.id]);
    const file = await phd.client.get(fileUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expectError(await phd.client.get(`${url}/files/${secretFile.id + 100000}`), 404, 'NOT_FOUND');

    // The poster (and the municipal office) see who read what; nobody else does.
    const log = await cast.unit.client.get<AccessLog>(`/api/challenges/${id}/access-log`);
    expect(log.body.items.map((e) => `${e.what}:${e.fileId ?? ''}:${e.userId}`)).toEqual([
      `file:${secretFile.id}:${phd.user.id}`,
      `confidential_part::${phd.user.id}`,
    ]);
    expect(log.body.items[0]!.ip).toBe(filed.ip);
    expect((await cast.city.client.get<AccessLog>(`/api/challenges/${id}/access-log`)).status).toBe(200);
    for (const c of [phd.client, stranger.client, cast.other.client]) {
      const res = await c.get(`/api/challenges/${id}/access-log`);
      expectError(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain(phd.user.username);
    }
    const district = await buildActor(t, 'district_officer', { regionId: cast.district.id });
    expectError(await district.client.get(`/api/challenges/${id}/access-log`), 404, 'NOT_FOUND');
    expectError(await t.client().get(`/api/challenges/${id}/access-log`), 401, 'UNAUTHENTICATED');

    // Withdrawn, the taker is shut out again.
    await phd.client.post(`/api/signups/${s.body.id}/withdraw`);
    expectError(await phd.client.get(url), 404, 'NOT_FOUND');
  });

  it('makes each member of a team accept for themself; an invited member sees nothing', async () => {
    const cast = await challengeCast(t);
    const need = await published(cast, cast.unit.client, techInput(cast.district.id));
    const leader = await person(t);
    const member = await person(t);
    const invited = await person(t);
    const s = (await signUp(leader.client, need.id, { takerKind: 'team', teamName: '团队' })).body;
    for (const m of [member, invited])
      await leader.client.post(`/api/signups/${s.id}/members`, { username: m.user.username });
    await member.client.post(`/api/signups/${s.id}/invitation/confirm`);
    const version = CONFIDENTIALITY.taker.version;
    const body = { side: 'taker', version };
    expect((await leader.client.post(`/api/challenges/${need.id}/confidentiality`, body)).status).toBe(200);
    expect((await leader.client.get(`/api/challenges/${need.id}/confidential`)).status).toBe(200);
    expectError(
      await member.client.get(`/api/challenges/${need.id}/confidential`),
      403,
      'CONFIDENTIALITY_REQUIRED',
    );
    expectError(await invited.client.get(`/api/challenges/${need.id}/confidential`), 404, 'NOT_FOUND');
    expectError(
      await invited.client.post(`/api/challenges/${need.id}/confidentiality`, body),
      404,
      'NOT_FOUND',
    );
    expect((await member.client.post(`/api/challenges/${need.id}/confidentiality`, body)).status).toBe(200);
    expect((await member.client.get(`/api/challenges/${need.id}/confidential`)).status).toBe(200);
  });

  it('serves the texts of both sides publicly', async () => {
    const res = await t.client().get<{ version: string; title: string }>('/api/confidentiality/poster');
    expect(res.body).toEqual(CONFIDENTIALITY.poster);
    expectError(await t.client().get('/api/confidentiality/other'), 400, 'VALIDATION_FAILED');
  });
});
