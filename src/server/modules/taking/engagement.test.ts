import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { must, person, signUp, solutionInput, takingCast, type SolutionView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Engaged extends SolutionView {
  decision: string;
  decisionReason: string;
}
interface Thread {
  items: Array<{ authorSide: string; body: string; authorUserId: number }>;
}

/** A published need with a submitted solution by a PhD. */
async function engagedCast() {
  const cast = await takingCast(t);
  const phd = await person(t);
  const s = must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'sign up');
  const d = must(
    await phd.client.post<SolutionView>(`/api/signups/${s.id}/solution`, solutionInput()),
    201,
    'draft',
  );
  must(await phd.client.post(`/api/solutions/${d.id}/actions/submit`), 200, 'submit');
  return { ...cast, phd, solutionId: d.id };
}

const matchedAt = async (id: number) =>
  (await t.db.selectFrom('challenges').select('matched_at').where('id', '=', id).executeTakeFirstOrThrow())
    .matched_at;

describe('engagement (对接)', () => {
  it('threads messages between the two sides and the office; outsiders can neither read nor write', async () => {
    const cast = await engagedCast();
    const url = `/api/solutions/${cast.solutionId}/messages`;
    expect((await cast.unit.client.post(url, { body: '请说明中试放大的设备需求' })).status).toBe(201);
    expect((await cast.phd.client.post(url, { body: '需要一条100吨级的中试线' })).status).toBe(201);
    expect((await cast.city.client.post(url, { body: '市博管办：请双方于月底前确认' })).status).toBe(201);
    const thread = await cast.phd.client.get<Thread>(url);
    expect(thread.body.items.map((m) => m.authorSide)).toEqual(['poster', 'taker', 'office']);
    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.phd.user.id)
        .execute();
      return n.some((x) => x.title.includes('对接有新消息'));
    });
    const before = (await cast.unit.client.get<Thread>(url)).body.items.length;
    const district = await buildActor(t, 'district_officer');
    const outsiders = [cast.other.client, (await person(t)).client, district.client, cast.nation.client];
    for (const c of outsiders) {
      for (const res of [await c.get(url), await c.post(url, { body: '我也想说两句' })]) {
        expectError(res, 404, 'NOT_FOUND');
        expect(res.text).not.toContain('中试线');
      }
    }
    expectError(await t.client().post(url, { body: 'x' }), 401, 'UNAUTHENTICATED');
    expect((await cast.unit.client.get<Thread>(url)).body.items).toHaveLength(before);
  });

  it('matches only when both sides confirm, and marks the need matched once', async () => {
    const cast = await engagedCast();
    const id = cast.solutionId;
    const step = (c: typeof cast.phd.client, action: string, opinion?: string) =>
      c.post<Engaged>(`/api/solutions/${id}/engagement/${action}`, opinion ? { opinion } : {});
    const seen = await cast.unit.client.get<Engaged>(`/api/solutions/${id}`);
    expect(seen.body.actions).toEqual([
      'accept_confidentiality',
      'message',
      'shortlist',
      'reject',
      'propose_match',
    ]);
    // The taker cannot decide for the poster; the poster cannot confirm for the taker.
    expectError(await step(cast.phd.client, 'shortlist'), 403, 'FORBIDDEN');
    expectError(await step(cast.unit.client, 'confirm_match'), 403, 'FORBIDDEN');
    expectError(await step(cast.phd.client, 'confirm_match'), 409, 'STATE_CONFLICT');
    expect((await step(cast.unit.client, 'shortlist')).body.decision).toBe('shortlisted');
    const proposed = await step(cast.unit.client, 'propose_match');
    expect(proposed.body.decision).toBe('proposed');
    // One side alone is not a match.
    expect(await matchedAt(cast.tech.id)).toBeNull();
    const hall = await t.client().get<{ status: string }>(`/api/challenges/${cast.tech.id}`);
    expect(hall.body.status).toBe('open');
    // Agreed on, the solution can no longer be changed or withdrawn.
    expectError(await cast.phd.client.post(`/api/solutions/${id}/actions/withdraw`), 409, 'STATE_CONFLICT');
    const signupId = (
      await t.db.selectFrom('solutions').select('signup_id').where('id', '=', id).executeTakeFirstOrThrow()
    ).signup_id;
    expectError(await cast.phd.client.post(`/api/signups/${signupId}/withdraw`), 409, 'STATE_CONFLICT');
    expectError(
      await cast.phd.client.put(`/api/solutions/${id}`, { solution: solutionInput(), revision: 1 }),
      409,
      'STATE_CONFLICT',
    );
    expectError(await step(cast.phd.client, 'decline_match'), 422, 'OPINION_REQUIRED', ['opinion:required']);
    expect((await step(cast.phd.client, 'decline_match', '经费需再商议')).body).toMatchObject({
      decision: 'shortlisted',
      decisionReason: '经费需再商议',
    });
    await step(cast.unit.client, 'propose_match');
    const matched = await step(cast.phd.client, 'confirm_match');
    expect(matched.body.decision).toBe('matched');
    expect(await matchedAt(cast.tech.id)).not.toBeNull();
    const after = await t.client().get<{ status: string }>(`/api/challenges/${cast.tech.id}`);
    expect(after.body.status).toBe('matched');
    expectError(await step(cast.phd.client, 'confirm_match'), 409, 'STATE_CONFLICT');
    expectError(await step(cast.unit.client, 'reject', '改主意了'), 409, 'STATE_CONFLICT');
    const audits = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'challenge')
      .where('entity_id', '=', String(cast.tech.id))
      .where('action', '=', 'challenge.matched')
      .execute();
    expect(audits).toHaveLength(1);
    // A matched need takes no more sign-ups.
    const late = await person(t);
    expectError(
      await signUp(late.client, cast.tech.id, { takerKind: 'individual' }),
      409,
      'NOT_OPEN_FOR_TAKING',
    );
  });

  it('rejects with a reason the taker sees; outsiders and other roles cannot decide', async () => {
    const cast = await engagedCast();
    const id = cast.solutionId;
    const url = (a: string) => `/api/solutions/${id}/engagement/${a}`;
    expectError(await cast.unit.client.post(url('reject'), {}), 422, 'OPINION_REQUIRED', [
      'opinion:required',
    ]);
    for (const c of [cast.other.client, (await person(t)).client]) {
      const res = await c.post(url('reject'), { opinion: '不合适' });
      expectError(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain('单晶化');
    }
    expectError(await cast.city.client.post(url('propose_match'), {}), 403, 'FORBIDDEN');
    expectError(await t.client().post(url('reject'), { opinion: 'x' }), 401, 'UNAUTHENTICATED');
    const rejected = await cast.unit.client.post<Engaged>(url('reject'), {
      opinion: '技术路线与现有产线不兼容',
    });
    expect(rejected.body.decision).toBe('rejected');
    const mine = await cast.phd.client.get<Engaged>(`/api/solutions/${id}`);
    expect(mine.body).toMatchObject({ decision: 'rejected', decisionReason: '技术路线与现有产线不兼容' });
    expect(mine.body.actions).not.toContain('confirm_match');
    expectError(await cast.unit.client.post(url('propose_match'), {}), 409, 'STATE_CONFLICT');
    expect(await matchedAt(cast.tech.id)).toBeNull();
  });
});
