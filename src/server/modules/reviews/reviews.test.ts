import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { auditCount, must } from '../taking/test-kit.js';
import {
  assignmentRows,
  CRITERIA,
  declare,
  emptyPool,
  inDaysIso,
  makeExpert,
  reviewCast,
  roundRow,
  type AssignmentView,
  type RoundView,
} from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  // Its own database: emptyPool() deactivates every expert.
  t = await startTestApp({ isolated: true });
});
afterAll(async () => t.close());
beforeEach(async () => emptyPool(t));

const roundBody = (solutionIds: number[], over: Record<string, unknown> = {}) => ({
  title: '2026年第一批揭榜方案评审',
  solutionIds,
  criteria: CRITERIA,
  k: 2,
  loadLimit: 2,
  deadline: inDaysIso(7),
  ...over,
});

describe('expert review (专家评审)', () => {
  it('the office keeps the pool: list, filter, edit with a revision, deactivate', async () => {
    const cast = await reviewCast(t);
    const city = cast.city.client;
    const e = await makeExpert(t, city, { primaryDomain: 'biomedicine', secondaryDomains: ['new_energy'] });
    const list = async (q: string) =>
      (await city.get<{ items: Array<{ userId: number }> }>(`/api/reviews/experts?${q}`)).body.items.map(
        (x) => x.userId,
      );
    expect(await list('domain=new_energy&active=1')).toEqual([e.userId]);
    expect(await list('domain=agriculture_food&active=1')).toEqual([]);
    const body = {
      name: '王研究员',
      primaryDomain: 'biomedicine',
      secondaryDomains: [],
      keywords: ['中药'],
      institution: '重庆医科大学',
      title: '教授',
      contact: '',
    };
    const edited = await city.put<{ revision: number; institution: string; actions: string[] }>(
      `/api/reviews/experts/${e.userId}`,
      { ...body, revision: 1 },
    );
    expect(edited.body).toMatchObject({
      revision: 2,
      institution: '重庆医科大学',
      actions: ['edit', 'deactivate'],
    });
    expectError(
      await city.put(`/api/reviews/experts/${e.userId}`, { ...body, revision: 1 }),
      409,
      'REVISION_CONFLICT',
    );
    must(await city.post(`/api/reviews/experts/${e.userId}/deactivate`), 200, 'deactivate');
    expectError(await city.post(`/api/reviews/experts/${e.userId}/deactivate`), 409, 'STATE_CONFLICT');
    expect(await list('active=1')).toEqual([]);
    expectError(await cast.unit.client.get(`/api/reviews/experts/${e.userId}`), 404, 'NOT_FOUND');
    expect(await auditCount(t, 'review_expert', e.userId)).toBe(3);
  });

  it('from expert creation to a closed round and the taker reading the feedback', async () => {
    const cast = await reviewCast(t);
    const city = cast.city.client;
    const ids = cast.takers.map((x) => x.solutionId);
    const experts: Array<Awaited<ReturnType<typeof makeExpert>>> = [];
    for (let i = 0; i < 3; i++) experts.push(await makeExpert(t, city));
    // Same institution as both takers (重庆大学): never assigned, and refused when pinned.
    const conflicted = await makeExpert(t, city, { institution: '重庆大学' });

    // The declaration gate: nothing before this year's declaration.
    expectError(await experts[0]!.client.get('/api/reviews/assignments'), 403, 'REVIEW_DECLARATION_REQUIRED');
    for (const e of [...experts, conflicted]) expect((await declare(e.client)).status).toBe(201);
    expectError(await declare(experts[0]!.client), 409, 'DUPLICATE');

    // Other roles and anonymous callers.
    expectError(await cast.unit.client.get('/api/reviews/experts'), 403, 'FORBIDDEN');
    expectError(await t.client().get('/api/reviews/rounds'), 401, 'UNAUTHENTICATED');
    expectError(await experts[0]!.client.post('/api/reviews/rounds', roundBody(ids)), 403, 'FORBIDDEN');

    const created = must(await city.post<RoundView>('/api/reviews/rounds', roundBody(ids)), 201, 'round');
    expect(created).toMatchObject({ state: 'draft', actions: ['assign'] });
    expectError(await experts[0]!.client.get(`/api/reviews/rounds/${created.id}`), 404, 'NOT_FOUND');

    const assigned = must(
      await city.post<RoundView>(`/api/reviews/rounds/${created.id}/assign`),
      200,
      'assign',
    );
    expect(assigned.state).toBe('assigning');
    for (const item of assigned.items) {
      expect(item.experts).toHaveLength(2);
      expect(item.experts.map((e) => e.userId)).not.toContain(conflicted.userId);
    }

    // Pinning a conflicted pair is refused with the reason; nothing changes.
    const before = await assignmentRows(t, created.id);
    const pin = await city.post(`/api/reviews/rounds/${created.id}/pairs`, {
      solutionId: ids[0],
      expertUserId: conflicted.userId,
    });
    expect(expectError(pin, 422, 'REVIEW_CONFLICT').error.message).toContain('same_institution_as_taker');
    expect(await assignmentRows(t, created.id)).toEqual(before);

    must(await city.post(`/api/reviews/rounds/${created.id}/open-scoring`), 200, 'open');
    const mine = (e: { client: typeof city }) =>
      e.client.get<{ items: AssignmentView[] }>('/api/reviews/assignments').then((r) => r.body.items);
    const first = (await mine(experts[0]!))[0]!;
    expect(first.solution.content).toHaveProperty('approach');
    expect(JSON.stringify(first)).not.toContain('博士');
    expect(first.actions).toEqual(['save', 'submit', 'recuse']);

    // An item not assigned to this expert: 404.
    const rows = await assignmentRows(t, created.id);
    const notMine = rows.find((r) => r.expert_user_id !== experts[0]!.userId)!;
    const scores = (a: number, b: number | null) => ({
      scores: [
        { score: a, comment: '路线清晰' },
        { score: b, comment: '' },
      ],
      comment: '建议加强中试验证',
    });
    expectError(
      await experts[0]!.client.put(`/api/reviews/assignments/${notMine.id}`, {
        ...scores(8, 6),
        revision: 1,
      }),
      404,
      'NOT_FOUND',
    );
    // Outside the scale; submitting incomplete: refused, nothing saved.
    expectError(
      await experts[0]!.client.put(`/api/reviews/assignments/${first.id}`, { ...scores(11, 6), revision: 1 }),
      400,
      'VALIDATION_FAILED',
      ['scores.0.score:too_big'],
    );
    expectError(
      await experts[0]!.client.post(`/api/reviews/assignments/${first.id}/submit`, {
        ...scores(8, null),
        revision: 1,
      }),
      422,
      'REVIEW_INCOMPLETE',
    );
    expect(await assignmentRows(t, created.id)).toEqual(rows);

    const draft = await experts[0]!.client.put<AssignmentView>(`/api/reviews/assignments/${first.id}`, {
      ...scores(8, null),
      revision: 1,
    });
    expect(draft.body).toMatchObject({ revision: 2, submitted: false });
    const sub = await experts[0]!.client.post<AssignmentView>(`/api/reviews/assignments/${first.id}/submit`, {
      ...scores(8, 4),
      revision: 2,
    });
    expect(sub.body).toMatchObject({ submitted: true, actions: [] });

    // Closing with reviews missing and no reason: refused, the round stays open.
    expectError(await city.post(`/api/reviews/rounds/${created.id}/close`, {}), 422, 'REVIEW_MISSING', [
      'reason:required',
    ]);
    expect((await roundRow(t, created.id)).state).toBe('scoring');
    expect(
      (await city.post<{ reminded: number }>(`/api/reviews/rounds/${created.id}/remind`)).body.reminded,
    ).toBe(new Set(rows.filter((r) => r.id !== first.id).map((r) => r.expert_user_id)).size);

    for (const e of experts)
      for (const a of await mine(e))
        if (!a.submitted)
          must(
            await e.client.post(`/api/reviews/assignments/${a.id}/submit`, {
              ...scores(6, 6),
              revision: a.revision,
            }),
            200,
            'submit',
          );
    const closed = must(
      await city.post<RoundView>(`/api/reviews/rounds/${created.id}/close`, {}),
      200,
      'close',
    );
    expect(closed.state).toBe('closed');
    expect(await auditCount(t, 'review_round', created.id)).toBeGreaterThanOrEqual(6);

    const results = (
      await city.get<{ final: boolean; items: Array<{ solutionId: number; mean: number; reviews: number }> }>(
        `/api/reviews/rounds/${created.id}/results`,
      )
    ).body;
    expect(results.final).toBe(true);
    const top = results.items.find((i) => i.solutionId === first.solution.id)!;
    expect(top).toMatchObject({ reviews: 2, mean: 6.5 });

    // The taker reads its own feedback, experts unnamed; others do not see it.
    const taker = cast.takers.find((x) => x.solutionId === first.solution.id)!;
    const fb = await taker.client.get<{
      rounds: Array<{ mean: number; reviews: Array<{ reviewer: number; comment: string }> }>;
    }>(`/api/reviews/solutions/${first.solution.id}/feedback`);
    expect(fb.status).toBe(200);
    expect(fb.body.rounds[0]!.mean).toBe(6.5);
    expect(fb.body.rounds[0]!.reviews.map((r) => r.reviewer)).toEqual([1, 2]);
    expect(JSON.stringify(fb.body)).not.toContain('专家');
    expectError(
      await cast.other.client.get(`/api/reviews/solutions/${first.solution.id}/feedback`),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses scores after the deadline, an infeasible assignment and a pin over the load limit', async () => {
    const cast = await reviewCast(t);
    const city = cast.city.client;
    const ids = cast.takers.map((x) => x.solutionId);
    const a = await makeExpert(t, city);
    const b = await makeExpert(t, city, { institution: '重庆大学' });
    await declare(a.client);
    await declare(b.client);

    const r = must(
      await city.post<RoundView>('/api/reviews/rounds', roundBody(ids, { k: 1, loadLimit: 1 })),
      201,
      'round',
    );
    const bad = await city.post(`/api/reviews/rounds/${r.id}/assign`);
    expect(expectError(bad, 422, 'REVIEW_INFEASIBLE').error.message).toContain(String(ids[1]));
    expect(await assignmentRows(t, r.id)).toEqual([]);
    expect((await roundRow(t, r.id)).state).toBe('draft');

    const c = await makeExpert(t, city);
    await declare(c.client);
    must(await city.post(`/api/reviews/rounds/${r.id}/assign`), 200, 'assign');
    const rows = await assignmentRows(t, r.id);
    expect(rows).toHaveLength(2);
    // a is at its load of 1: pinning it to the other item is refused.
    const itemOfA = rows.find((x) => x.expert_user_id === a.userId)!.item_id;
    const solOfA = (
      await t.db
        .selectFrom('review_items')
        .select('solution_id')
        .where('id', '=', itemOfA)
        .executeTakeFirstOrThrow()
    ).solution_id;
    const target = ids.find((x) => x !== solOfA)!;
    expectError(
      await city.post(`/api/reviews/rounds/${r.id}/pairs`, { solutionId: target, expertUserId: a.userId }),
      422,
      'REVIEW_LOAD_EXCEEDED',
    );
    expect(await assignmentRows(t, r.id)).toEqual(rows);

    must(await city.post(`/api/reviews/rounds/${r.id}/open-scoring`), 200, 'open');
    await t.db
      .updateTable('review_rounds')
      .set({ deadline: inDaysIso(-1) })
      .where('id', '=', r.id)
      .execute();
    const mineA = rows.find((x) => x.expert_user_id === a.userId)!;
    expectError(
      await a.client.post(`/api/reviews/assignments/${mineA.id}/submit`, {
        scores: [
          { score: 5, comment: '' },
          { score: 5, comment: '' },
        ],
        revision: 1,
      }),
      422,
      'REVIEW_DEADLINE_PASSED',
    );
    expect(await assignmentRows(t, r.id)).toEqual(rows);
    // The office may close with a reason.
    const closed = must(
      await city.post<RoundView>(`/api/reviews/rounds/${r.id}/close`, {
        reason: '截止时间已过，按已收到的评审结束',
      }),
      200,
      'close',
    );
    expect(closed).toMatchObject({ state: 'closed', closeReason: '截止时间已过，按已收到的评审结束' });
  });

  it('a recusal re-fills the item, keeping the other pairs', async () => {
    const cast = await reviewCast(t);
    const city = cast.city.client;
    const ids = cast.takers.map((x) => x.solutionId);
    const es: Array<Awaited<ReturnType<typeof makeExpert>>> = [];
    for (let i = 0; i < 3; i++) {
      const e = await makeExpert(t, city);
      await declare(e.client);
      es.push(e);
    }
    const r = must(
      await city.post<RoundView>('/api/reviews/rounds', roundBody(ids, { k: 1, loadLimit: 1 })),
      201,
      'round',
    );
    must(await city.post(`/api/reviews/rounds/${r.id}/assign`), 200, 'assign');
    must(await city.post(`/api/reviews/rounds/${r.id}/open-scoring`), 200, 'open');
    const rows = await assignmentRows(t, r.id);
    const gone = rows[0]!;
    const who = es.find((e) => e.userId === gone.expert_user_id)!;
    expect((await who.client.post(`/api/reviews/assignments/${gone.id}/recuse`)).body).toEqual({
      short: false,
    });
    const after = await assignmentRows(t, r.id);
    expect(after.find((x) => x.id === rows[1]!.id)).toEqual(rows[1]);
    expect(after.find((x) => x.id === gone.id)!.state).toBe('recused');
    const fresh = after.filter((x) => x.item_id === gone.item_id && x.state === 'assigned');
    expect(fresh).toHaveLength(1);
    expect([gone.expert_user_id, rows[1]!.expert_user_id]).not.toContain(fresh[0]!.expert_user_id);
    const district = await buildActor(t, 'district_officer', { regionId: cast.district.id });
    expectError(await district.client.get(`/api/reviews/rounds/${r.id}`), 404, 'NOT_FOUND');

    // A conflict declared in the yearly declaration (the takers' institution) refuses a hand pin.
    const d = await makeExpert(t, city);
    expectError(
      await d.client.get(`/api/reviews/assignments/${gone.id}`),
      403,
      'REVIEW_DECLARATION_REQUIRED',
    );
    expect((await declare(d.client, [' 重庆 大学 '])).status).toBe(201);
    const before = await assignmentRows(t, r.id);
    const pin = await city.post(`/api/reviews/rounds/${r.id}/pairs`, {
      solutionId: ids[0],
      expertUserId: d.userId,
    });
    expect(expectError(pin, 422, 'REVIEW_CONFLICT').error.message).toContain('declared');
    expect(await assignmentRows(t, r.id)).toEqual(before);
    // Computing the assignment again once scoring is open: a state conflict.
    expectError(await city.post(`/api/reviews/rounds/${r.id}/assign`), 409, 'STATE_CONFLICT');
  });
});
