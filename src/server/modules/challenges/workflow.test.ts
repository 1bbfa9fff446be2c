import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { COMMITMENTS } from '../../../shared/challenges/commitment.js';
import {
  act,
  challengeCast,
  inDays,
  published,
  SECRET,
  submitted,
  techInput,
  transferInput,
  type ChallengeView,
} from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const counts = async (id: number) => {
  const events = await t.db
    .selectFrom('challenge_events')
    .select('id')
    .where('challenge_id', '=', id)
    .execute();
  const audit = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', 'challenge')
    .where('entity_id', '=', String(id))
    .execute();
  const row = await t.db
    .selectFrom('challenges')
    .select(['state', 'revision'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { events: events.length, audit: audit.length, ...row };
};

describe('posting review workflow', () => {
  it('walks draft → submitted → national review → returned → resubmitted → published → closed, with a timeline and notifications', async () => {
    const cast = await challengeCast(t);
    const created = await cast.unit.client.post<ChallengeView>(
      '/api/challenges',
      techInput(cast.district.id),
    );
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('draft');
    expect(created.body.actions).toEqual(['edit', 'accept_commitment', 'submit', 'withdraw']);
    const id = created.body.id;

    expectError(await act(cast.unit.client, id, 'submit'), 422, 'COMMITMENT_REQUIRED');
    expectError(
      await cast.unit.client.post(`/api/challenges/${id}/commitment`, { version: 'old' }),
      400,
      'VALIDATION_FAILED',
      ['version:commitment_version'],
    );
    const accepted = await cast.unit.client.post<ChallengeView>(`/api/challenges/${id}/commitment`, {
      version: COMMITMENTS.tech.version,
    });
    expect(accepted.body.commitment).toMatchObject({
      version: COMMITMENTS.tech.version,
      userId: cast.unit.user.id,
    });
    const stored = await t.db
      .selectFrom('challenges')
      .select('commitment_json')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.commitment_json!)).toMatchObject({
      text: COMMITMENTS.tech.text,
      username: cast.unit.user.username,
    });

    expect((await act(cast.unit.client, id, 'submit')).body.state).toBe('submitted');
    const queue = await cast.city.client.get<{ items: Array<{ id: number }> }>(
      '/api/challenges/review?pageSize=100',
    );
    expect(queue.body.items.map((i) => i.id)).toContain(id);
    const seen = await cast.city.client.get<ChallengeView>(`/api/challenges/${id}`);
    expect(seen.body.actions).toEqual(['municipal_approve', 'municipal_return', 'municipal_reject']);
    expect(seen.body.confidential?.details).toBe(SECRET);

    expectError(await act(cast.city.client, id, 'municipal_return'), 422, 'OPINION_REQUIRED', [
      'opinion:required',
    ]);
    expect((await act(cast.city.client, id, 'municipal_approve', { opinion: '同意报部' })).body.state).toBe(
      'national_review',
    );
    const returned = await act(cast.nation.client, id, 'national_return', { opinion: '技术指标请量化' });
    expect(returned.body.state).toBe('returned');
    const mine = await cast.unit.client.get<ChallengeView>(`/api/challenges/${id}`);
    expect(mine.body.lastOpinion).toBe('技术指标请量化');
    expect(mine.body.actions).toEqual(['edit', 'accept_commitment', 'submit', 'withdraw']);

    const saved = await cast.unit.client.put<{ revision: number }>(`/api/challenges/${id}`, {
      challenge: techInput(cast.district.id, { indicators: '循环1000次容量保持率≥92%' }),
      revision: 1,
    });
    expect(saved.body.revision).toBe(2);
    expect((await act(cast.unit.client, id, 'submit')).body.state).toBe('submitted');
    await act(cast.city.client, id, 'municipal_approve');
    const pub = await act(cast.nation.client, id, 'national_publish', { opinion: '同意发布' });
    expect(pub.body.state).toBe('published');
    expect(pub.body.status).toBe('open');
    expect(pub.body.timeline?.map((e) => `${e.action}:${e.to}`)).toEqual([
      'submit:submitted',
      'municipal_approve:national_review',
      'national_return:returned',
      'submit:submitted',
      'municipal_approve:national_review',
      'national_publish:published',
    ]);
    expect(pub.body.timeline?.[2]).toMatchObject({
      opinion: '技术指标请量化',
      actorRole: 'national_reviewer',
    });

    const closed = await act(cast.unit.client, id, 'close');
    expect(closed.body).toMatchObject({ state: 'closed', status: 'closed' });

    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.unit.user.id)
        .execute();
      return n.length >= 7;
    });
    const titles = (
      await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.unit.user.id)
        .execute()
    ).map((n) => n.title);
    expect(titles.some((x) => x.includes('被部级审核退回修改'))).toBe(true);
    expect(titles.some((x) => x.includes('已通过部级审核并发布'))).toBe(true);
    const nationNotes = await t.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', cast.nation.user.id)
      .execute();
    expect(nationNotes.some((n) => n.title.includes('等待部级审核'))).toBe(true);
  });

  it('lets a postdoc post a commercialisation need; rejects at either level', async () => {
    const cast = await challengeCast(t);
    const a = await submitted(cast.postdoc.client, transferInput(cast.district.id));
    expect(a.kind).toBe('transfer');
    expect((await act(cast.city.client, a.id, 'municipal_reject', { opinion: '材料不实' })).body.state).toBe(
      'rejected',
    );
    const b = await submitted(cast.postdoc.client, transferInput(cast.district.id));
    await act(cast.city.client, b.id, 'municipal_approve');
    expect((await act(cast.nation.client, b.id, 'national_reject', { opinion: '不符合' })).body.state).toBe(
      'rejected',
    );
    const c = await submitted(cast.postdoc.client, transferInput(cast.district.id));
    expect((await act(cast.postdoc.client, c.id, 'withdraw')).body.state).toBe('withdrawn');
  });

  it('checks poster eligibility: unit for tech, postdoc in or out of station for transfer', async () => {
    const cast = await challengeCast(t);
    expectError(
      await cast.unit.client.post('/api/challenges', transferInput(cast.district.id)),
      422,
      'POSTER_NOT_ELIGIBLE',
    );
    expectError(
      await cast.postdoc.client.post('/api/challenges', techInput(cast.district.id)),
      422,
      'POSTER_NOT_ELIGIBLE',
    );
    await t.db
      .updateTable('person_profiles')
      .set({ postdoc_status: 'phd' })
      .where('user_id', '=', cast.postdoc.user.id)
      .execute();
    expectError(
      await cast.postdoc.client.post('/api/challenges', transferInput(cast.district.id)),
      422,
      'POSTER_NOT_ELIGIBLE',
    );
    expectError(
      await cast.city.client.post('/api/challenges', techInput(cast.district.id)),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const cast = await challengeCast(t);
    const before = await t.db
      .selectFrom('challenges')
      .select('id')
      .where('poster_user_id', '=', cast.unit.user.id)
      .execute();
    const { title: _t, ...noTitle } = techInput(cast.district.id);
    void _t;
    expectError(await cast.unit.client.post('/api/challenges', noTitle), 400, 'VALIDATION_FAILED', [
      'title:required',
    ]);
    expectError(
      await cast.unit.client.post('/api/challenges', techInput(cast.district.id, { domain: 'astrology' })),
      400,
      'VALIDATION_FAILED',
      ['domain:invalid_value'],
    );
    expectError(
      await cast.unit.client.post('/api/challenges', techInput(cast.district.id, { deadline: inDays(-1) })),
      400,
      'VALIDATION_FAILED',
      ['deadline:deadline_past'],
    );
    expectError(
      await cast.unit.client.post('/api/challenges', techInput(999_999)),
      400,
      'VALIDATION_FAILED',
      ['regionId:unknown_region'],
    );
    expectError(await cast.unit.client.post('/api/challenges', { kind: 'other' }), 400, 'VALIDATION_FAILED');
    const after = await t.db
      .selectFrom('challenges')
      .select('id')
      .where('poster_user_id', '=', cast.unit.user.id)
      .execute();
    expect(after.length).toBe(before.length);
  });

  it('refuses the wrong role (403), the wrong level or turn (409), and changes nothing', async () => {
    const cast = await challengeCast(t);
    const s = await submitted(cast.unit.client, techInput(cast.district.id));
    const before = await counts(s.id);
    expectError(await act(cast.unit.client, s.id, 'municipal_approve'), 403, 'FORBIDDEN');
    expectError(await act(cast.city.client, s.id, 'national_publish'), 403, 'FORBIDDEN');
    expectError(await act(cast.city.client, s.id, 'close'), 403, 'FORBIDDEN');
    // Not yet at the national level: the national reviewer does not even see it.
    expectError(await act(cast.nation.client, s.id, 'national_publish'), 404, 'NOT_FOUND');
    expectError(await act(cast.other.client, s.id, 'withdraw'), 404, 'NOT_FOUND');
    expect(await counts(s.id)).toEqual(before);

    await act(cast.city.client, s.id, 'municipal_approve');
    const mid = await counts(s.id);
    expectError(await act(cast.city.client, s.id, 'municipal_approve'), 409, 'STATE_CONFLICT');
    expectError(
      await act(cast.city.client, s.id, 'municipal_return', { opinion: 'x' }),
      409,
      'STATE_CONFLICT',
    );
    expectError(await act(cast.unit.client, s.id, 'submit'), 409, 'STATE_CONFLICT');
    expectError(await act(cast.unit.client, s.id, 'close'), 409, 'STATE_CONFLICT');
    await act(cast.nation.client, s.id, 'national_publish');
    expectError(
      await act(cast.nation.client, s.id, 'national_reject', { opinion: '晚了' }),
      409,
      'STATE_CONFLICT',
    );
    expect((await counts(s.id)).events).toBe(mid.events + 1);
    expectError(
      await cast.unit.client.put(`/api/challenges/${s.id}`, {
        challenge: techInput(cast.district.id),
        revision: 1,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('lets exactly one of two reviewers acting at once win', async () => {
    const cast = await challengeCast(t);
    const s = await submitted(cast.unit.client, techInput(cast.district.id));
    const { client: city2 } = await (
      await import('../../test/factories.js')
    ).buildActor(t, 'municipal_officer');
    const [a, b] = await Promise.all([
      act(cast.city.client, s.id, 'municipal_approve'),
      act(city2, s.id, 'municipal_reject', { opinion: '重复' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expectError(loser, 409, 'STATE_CONFLICT');
    const { events } = await counts(s.id);
    expect(events).toBe(2);
  });

  it('sends the confidential part only to the entitled', async () => {
    const cast = await challengeCast(t);
    const p = await published(cast, cast.unit.client, techInput(cast.district.id));
    const anon = await t.client().get<ChallengeView>(`/api/challenges/${p.id}`);
    expect(anon.status).toBe(200);
    expect(anon.body.title).toBe(p.title);
    expect(anon.text).not.toContain(SECRET);
    expect(anon.text).not.toContain('023-61234567');
    expect(anon.text).not.toContain('commitment');
    expect(anon.text).not.toContain('timeline');
    expect(anon.body.actions).toEqual([]);
    const stranger = await cast.other.client.get<ChallengeView>(`/api/challenges/${p.id}`);
    expect(stranger.text).not.toContain(SECRET);
    expect(stranger.text).not.toContain('赵工');
    const hall = await t.client().get(`/api/hall/challenges?regionId=${cast.district.id}`);
    expect(hall.text).toContain(p.title);
    expect(hall.text).not.toContain(SECRET);
    for (const c of [cast.unit.client, cast.city.client, cast.nation.client]) {
      const r = await c.get<ChallengeView>(`/api/challenges/${p.id}`);
      expect(r.body.confidential?.details).toBe(SECRET);
    }
    // Views count the public, not the poster's own looks.
    const row = await t.db
      .selectFrom('challenges')
      .select('views')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.views).toBe(2);

    const draft = await cast.unit.client.post<ChallengeView>('/api/challenges', techInput(cast.district.id));
    expectError(await t.client().get(`/api/challenges/${draft.body.id}`), 404, 'NOT_FOUND');
    expectError(await cast.other.client.get(`/api/challenges/${draft.body.id}`), 404, 'NOT_FOUND');
    expectError(await cast.city.client.get(`/api/challenges/${draft.body.id}`), 404, 'NOT_FOUND');
  });

  it('gives the poster console and the queues with filters and Excel export', async () => {
    const cast = await challengeCast(t);
    const p = await published(cast, cast.unit.client, techInput(cast.district.id));
    await submitted(cast.unit.client, techInput(cast.district.id, { title: '第二个需求' }));
    const mine = await cast.unit.client.get<{
      items: Array<{ id: number; state: string; views: number }>;
      total: number;
    }>('/api/challenges/mine');
    expect(mine.body.total).toBe(2);
    expect(mine.body.items.find((i) => i.id === p.id)).toMatchObject({ state: 'published', views: 0 });
    expectError(await cast.unit.client.get('/api/challenges/review'), 403, 'FORBIDDEN');
    const q = await cast.city.client.get<{ items: Array<{ title: string }> }>(
      `/api/challenges/review?regionId=${cast.district.id}&state=published`,
    );
    expect(q.body.items.map((i) => i.title)).toEqual([p.title]);
    const x = await cast.city.client.get(
      `/api/challenges/review/export.xlsx?regionId=${cast.district.id}&state=published`,
    );
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    const nat = await cast.nation.client.get<{ items: Array<{ id: number }> }>(
      `/api/challenges/review?regionId=${cast.district.id}&state=published`,
    );
    expect(nat.body.items.map((i) => i.id)).toEqual([p.id]);
  });
});
