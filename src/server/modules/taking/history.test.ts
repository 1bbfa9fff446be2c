import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  expire,
  must,
  person,
  signUp,
  solutionInput,
  takingCast,
  type SignupView,
  type SolutionView,
} from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface History {
  items: Array<{ action: string; actorName: string; side: string; reason: string }>;
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
  return { ...cast, phd, signupId: s.id, solutionId: d.id };
}

describe('solution history and the actions the web shows', () => {
  it('lists submission and every decision with its reason to both sides and the office, 404 to others', async () => {
    const cast = await engagedCast();
    const id = cast.solutionId;
    const url = `/api/solutions/${id}/history`;
    must(await cast.unit.client.post(`/api/solutions/${id}/engagement/shortlist`, {}), 200, 'shortlist');
    must(
      await cast.unit.client.post(`/api/solutions/${id}/engagement/reject`, { opinion: '指标未达到要求' }),
      200,
      'reject',
    );
    must(await cast.phd.client.post(`/api/solutions/${id}/messages`, { body: '请问原因' }), 201, 'message');
    for (const c of [cast.phd.client, cast.unit.client, cast.city.client]) {
      const h = must(await c.get<History>(url), 200, 'history');
      expect(h.items.map((e) => [e.action, e.side, e.reason])).toEqual([
        ['solution.created', 'taker', ''],
        ['solution.submit', 'taker', ''],
        ['solution.shortlist', 'poster', ''],
        ['solution.reject', 'poster', '指标未达到要求'],
      ]);
      expect(JSON.stringify(h)).not.toMatch(/"ip"|hash/);
    }
    for (const c of [cast.other.client, (await person(t)).client, cast.nation.client]) {
      const res = await c.get(url);
      expectError(res, 404, 'NOT_FOUND');
      expect(res.text).not.toContain('指标未达到要求');
    }
    expectError(await t.client().get(url), 401, 'UNAUTHENTICATED');
  });

  it('offers the taker no edit, submit or withdrawal the server would refuse', async () => {
    const cast = await engagedCast();
    const id = cast.solutionId;
    const mine = async () =>
      must(await cast.phd.client.get<SolutionView>(`/api/solutions/${id}`), 200, 'get');
    const signup = async () =>
      must(await cast.phd.client.get<SignupView>(`/api/signups/${cast.signupId}`), 200, 'signup');
    expect((await mine()).actions).toEqual(['edit', 'withdraw', 'access_log', 'message']);
    expect((await signup()).actions).toContain('withdraw');

    // Agreed on (the poster proposed the match): nothing of the taker's own may change any more.
    must(await cast.unit.client.post(`/api/solutions/${id}/engagement/propose_match`, {}), 200, 'propose');
    const proposed = await mine();
    expect(proposed.actions).toEqual(['access_log', 'message', 'confirm_match', 'decline_match']);
    expect((await signup()).actions).not.toContain('withdraw');
    expectError(await cast.phd.client.post(`/api/signups/${cast.signupId}/withdraw`), 409, 'STATE_CONFLICT');
    expectError(await cast.phd.client.post(`/api/solutions/${id}/actions/withdraw`), 409, 'STATE_CONFLICT');
    const body = { solution: solutionInput(), revision: proposed.revision };
    expectError(await cast.phd.client.put(`/api/solutions/${id}`, body), 409, 'STATE_CONFLICT');
  });

  it('after the deadline offers withdrawal only, and no new solution or invitation', async () => {
    const cast = await takingCast(t);
    const leader = await person(t);
    const s = must(
      await signUp(leader.client, cast.tech.id, { takerKind: 'team', teamName: '材料攻关组' }),
      201,
      'sign up',
    );
    expect(s.actions).toEqual(expect.arrayContaining(['invite', 'create_solution']));
    const phd = await person(t);
    const s2 = must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'sign up 2');
    const d = must(
      await phd.client.post<SolutionView>(`/api/signups/${s2.id}/solution`, solutionInput()),
      201,
      'draft',
    );
    await expire(t, cast.tech.id);
    const team = must(await leader.client.get<SignupView>(`/api/signups/${s.id}`), 200, 'team');
    expect(team.actions).not.toContain('invite');
    expect(team.actions).not.toContain('create_solution');
    const other = await person(t);
    expectError(
      await leader.client.post(`/api/signups/${s.id}/members`, { username: other.user.username }),
      422,
      'DEADLINE_PASSED',
    );
    const draft = must(await phd.client.get<SolutionView>(`/api/solutions/${d.id}`), 200, 'draft');
    expect(draft.actions).toEqual(['withdraw', 'access_log']);
    expectError(await phd.client.post(`/api/solutions/${d.id}/actions/submit`), 422, 'DEADLINE_PASSED');
    const withdrawn = must(
      await phd.client.post<SolutionView>(`/api/solutions/${d.id}/actions/withdraw`),
      200,
      'withdraw',
    );
    expect(withdrawn.state).toBe('withdrawn');
  });
});
