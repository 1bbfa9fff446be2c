import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { TEST_PASSWORD } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { sign, type AgreementView } from '../agreements/test-kit.js';
import { fileCooperationAgreement } from './cooperation.js';
import { must, person, signUp, solutionInput, takingCast, type SolutionView } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** The cooperation agreements made for a need. */
const cooperationOf = (challengeId: number) =>
  t.db
    .selectFrom('agreements')
    .select(['id', 'state', 'fields_json'])
    .where('template_key', '=', 'cooperation')
    .where('subject_type', '=', 'challenge')
    .where('subject_id', '=', challengeId)
    .execute();

describe('合作协议 on a match', () => {
  it('is made once both sides confirm (not before), for the taker then the poster to sign', async () => {
    const cast = await takingCast(t);
    const phd = await person(t, { name: '李博士' });
    const s = must(
      await signUp(phd.client, cast.tech.id, { takerKind: 'team', teamName: '固态电解质攻关组' }),
      201,
      'sign up',
    );
    const member = await person(t);
    must(
      await phd.client.post(`/api/signups/${s.id}/members`, { username: member.user.username }),
      200,
      'invite',
    );
    must(await member.client.post(`/api/signups/${s.id}/invitation/confirm`), 200, 'confirm');
    const draft = must(
      await phd.client.post<SolutionView>(`/api/signups/${s.id}/solution`, solutionInput({ budgetWan: 260 })),
      201,
      'draft',
    );
    must(await phd.client.post(`/api/solutions/${draft.id}/actions/submit`), 200, 'submit');
    const step = (c: typeof phd.client, action: string) =>
      c.post(`/api/solutions/${draft.id}/engagement/${action}`, {});
    must(await step(cast.unit.client, 'propose_match'), 200, 'propose');
    await t.app.drainOutbox();
    // One side alone: no agreement.
    expect(await cooperationOf(cast.tech.id)).toEqual([]);

    must(await step(phd.client, 'confirm_match'), 200, 'confirm');
    await drainUntil(t, async () => (await cooperationOf(cast.tech.id)).length === 1, 60_000);
    const [made] = await cooperationOf(cast.tech.id);
    const fields = JSON.parse(made!.fields_json) as Record<string, string>;
    expect(fields).toMatchObject({
      taker_name: '固态电解质攻关组（负责人：李博士）',
      challenge_title: cast.tech.title,
      challenge_id: String(cast.tech.id),
      amount_wan: '260',
      end_date: solutionInput().milestones[1]!.due,
    });
    // A retried message finds the document it made.
    expect(await fileCooperationAgreement(t.db, t.dialect, t.app.deps, draft.id)).toBe(made!.id);
    expect(await cooperationOf(cast.tech.id)).toHaveLength(1);

    const doc = await phd.client.get<AgreementView>(`/api/agreements/${made!.id}`);
    expect(doc.status).toBe(200);
    expect(doc.body.parties.map((p) => [p.roleLabel, p.order])).toEqual([
      ['揭榜方', 1],
      ['张榜方', 2],
    ]);
    expect(doc.body.bodyText).toContain('固态电解质攻关组');
    // The poster signs second: not before the taker.
    expectError(await sign(cast.unit.client, made!.id, TEST_PASSWORD), 409, 'AGREEMENT_NOT_YOUR_TURN');
    expect((await sign(phd.client, made!.id, TEST_PASSWORD)).status).toBe(200);
    const done = await sign(cast.unit.client, made!.id, TEST_PASSWORD);
    expect(done.body.state).toBe('signed');
    // Outsiders do not see it.
    expectError(await cast.other.client.get(`/api/agreements/${made!.id}`), 404, 'NOT_FOUND');
  }, 120_000);
});
