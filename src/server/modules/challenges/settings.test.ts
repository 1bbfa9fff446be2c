import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { closeExpiredChallenges } from './expire.js';
import {
  act,
  challengeCast,
  inDays,
  published,
  submitted,
  techInput,
  type ChallengeView,
} from './test-kit.js';

// Its own database: the switch is deployment-wide and must not affect other test files.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ isolated: true });
});
afterAll(async () => t.close());

describe('national review switch', () => {
  it('publishes at the municipal level when a city switches the national level off', async () => {
    const cast = await challengeCast(t);
    const { client: sys } = await buildActor(t, 'sys_admin');
    expectError(
      await cast.city.client.put('/api/challenges/settings', { nationalReview: false }),
      403,
      'FORBIDDEN',
    );
    expect((await sys.put('/api/challenges/settings', { nationalReview: false })).status).toBe(200);
    const wf = await t
      .client()
      .get<{ nationalReview: boolean; transitions: Array<{ action: string }> }>('/api/challenges/workflow');
    expect(wf.body.nationalReview).toBe(false);
    expect(wf.body.transitions.map((x) => x.action)).not.toContain('municipal_approve');

    const s = await submitted(cast.unit.client, techInput(cast.district.id));
    const seen = await cast.city.client.get<ChallengeView>(`/api/challenges/${s.id}`);
    expect(seen.body.actions).toEqual(['municipal_publish', 'municipal_return', 'municipal_reject']);
    expectError(await act(cast.city.client, s.id, 'municipal_approve'), 409, 'STATE_CONFLICT');
    const pub = await act(cast.city.client, s.id, 'municipal_publish');
    expect(pub.body.state).toBe('published');

    expect((await sys.put('/api/challenges/settings', { nationalReview: true })).status).toBe(200);
    const s2 = await submitted(cast.unit.client, techInput(cast.district.id));
    expectError(await act(cast.city.client, s2.id, 'municipal_publish'), 409, 'STATE_CONFLICT');
    expect((await act(cast.city.client, s2.id, 'municipal_approve')).body.state).toBe('national_review');
  });

  it('closes published postings once their deadline has passed (scheduled job)', async () => {
    const cast = await challengeCast(t);
    const p = await published(cast, cast.unit.client, techInput(cast.district.id, { deadline: inDays(5) }));
    expect(await closeExpiredChallenges(t.db, t.dialect, inDays(5))).toBe(0);
    expect(await closeExpiredChallenges(t.db, t.dialect, inDays(6))).toBe(1);
    const after = await cast.unit.client.get<ChallengeView>(`/api/challenges/${p.id}`);
    expect(after.body).toMatchObject({ state: 'closed', status: 'closed' });
    expect(after.body.timeline?.at(-1)).toMatchObject({
      action: 'expire',
      to: 'closed',
      actorRole: 'system',
    });
    expect(await closeExpiredChallenges(t.db, t.dialect, inDays(6))).toBe(0);
  });
});
