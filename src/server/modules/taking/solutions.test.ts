import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { CONFIDENTIALITY } from '../../../shared/taking/confidentiality.js';
import { PDF_BYTES, upload } from '../stations/test-kit.js';
import {
  auditCount,
  COMMITMENTS,
  countRows,
  entity,
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

const stored = async (id: number) =>
  t.db
    .selectFrom('solutions')
    .select(['state', 'revision', 'content_json'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('solutions (揭榜方案)', () => {
  it('drafts, submits, replaces until the deadline; the poster sees attachments only after its 保密书', async () => {
    const cast = await takingCast(t);
    const phd = await person(t);
    const s = must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'sign up');
    const file = (await upload(phd.client, PDF_BYTES, { filename: '方案技术细节.pdf' })).body;
    const created = await phd.client.post<SolutionView>(
      `/api/signups/${s.id}/solution`,
      solutionInput({ attachmentIds: [file.id] }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', revision: 1, attachmentCount: 1 });
    expect(created.body.actions).toEqual(['edit', 'submit', 'withdraw', 'access_log']);
    const sol = created.body.id;

    // A draft is the taker's alone; a second solution for the same sign-up is refused.
    expectError(await cast.unit.client.get(`/api/solutions/${sol}`), 404, 'NOT_FOUND');
    const second = await phd.client.post(`/api/signups/${s.id}/solution`, solutionInput());
    expectError(second, 409, 'SOLUTION_EXISTS');
    expect(await countRows(t, 'solutions', cast.tech.id)).toBe(1);

    const saved = await phd.client.put<SolutionView>(`/api/solutions/${sol}`, {
      solution: solutionInput({ attachmentIds: [file.id], budgetWan: 260 }),
      revision: 1,
    });
    expect(saved.body.revision).toBe(2);
    expectError(
      await phd.client.put(`/api/solutions/${sol}`, { solution: solutionInput(), revision: 1 }),
      409,
      'REVISION_CONFLICT',
    );
    const sub = await phd.client.post<SolutionView>(`/api/solutions/${sol}/actions/submit`);
    expect(sub.body.state).toBe('submitted');
    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.unit.user.id)
        .execute();
      return n.some((x) => x.title.includes('收到一份揭榜方案'));
    });

    // The poster sees the structured solution, not the attachments (not even their names).
    const seen = await cast.unit.client.get<SolutionView>(`/api/solutions/${sol}`);
    expect(seen.body.content.approach).toContain('单晶化');
    expect(seen.body).toMatchObject({ attachments: null, attachmentCount: 1 });
    expect(seen.body.actions).toEqual([
      'accept_confidentiality',
      'message',
      'shortlist',
      'reject',
      'propose_match',
    ]);
    expect(seen.text).not.toContain('方案技术细节');
    const listed = await cast.unit.client.get<{ items: SolutionView[] }>(
      `/api/challenges/${cast.tech.id}/solutions`,
    );
    expect(listed.body.items.map((x) => x.id)).toEqual([sol]);
    expect(listed.text).not.toContain('方案技术细节');
    const refused = await cast.unit.client.get(`/api/solutions/${sol}/files/${file.id}`);
    expectError(refused, 403, 'CONFIDENTIALITY_REQUIRED');
    expect(refused.text).not.toContain('方案技术细节');
    expect(refused.text).not.toContain('%PDF');
    const noLog = await t.db
      .selectFrom('confidential_access')
      .select('id')
      .where('subject_type', '=', 'solution')
      .where('subject_id', '=', sol)
      .execute();
    expect(noLog).toHaveLength(0);
    // Another unit, the other side's strangers and anonymous callers get nothing.
    expectError(await cast.other.client.get(`/api/solutions/${sol}`), 404, 'NOT_FOUND');
    expectError(await cast.other.client.get(`/api/solutions/${sol}/files/${file.id}`), 404, 'NOT_FOUND');
    expectError(await cast.other.client.get(`/api/challenges/${cast.tech.id}/solutions`), 404, 'NOT_FOUND');
    expectError(await t.client().get(`/api/solutions/${sol}`), 401, 'UNAUTHENTICATED');
    const expert = await buildActor(t, 'expert');
    expectError(await expert.client.get(`/api/solutions/${sol}`), 404, 'NOT_FOUND');

    const version = CONFIDENTIALITY.poster.version;
    expectError(
      await phd.client.post(`/api/challenges/${cast.tech.id}/confidentiality`, { side: 'poster', version }),
      404,
      'NOT_FOUND',
    );
    expect(
      (
        await cast.unit.client.post(`/api/challenges/${cast.tech.id}/confidentiality`, {
          side: 'poster',
          version,
        })
      ).status,
    ).toBe(200);
    const open = await cast.unit.client.get<SolutionView>(`/api/solutions/${sol}`);
    expect(open.body.attachments?.map((f) => f.filename)).toEqual(['方案技术细节.pdf']);
    const download = await cast.unit.client.get(`/api/solutions/${sol}/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.text).toContain('%PDF');
    expectError(
      await cast.unit.client.get(`/api/solutions/${sol}/files/${file.id + 100000}`),
      404,
      'NOT_FOUND',
    );
    const log = await phd.client.get<{ items: Array<{ userId: number; fileId: number }> }>(
      `/api/solutions/${sol}/access-log`,
    );
    expect(log.body.items.map((e) => `${e.userId}:${e.fileId}`)).toEqual([`${cast.unit.user.id}:${file.id}`]);
    expectError(await cast.unit.client.get(`/api/solutions/${sol}/access-log`), 403, 'FORBIDDEN');

    // Replace until the deadline; after it, neither a replacement nor a withdrawal-and-resubmission.
    const replaced = await phd.client.put<SolutionView>(`/api/solutions/${sol}`, {
      solution: solutionInput({ attachmentIds: [file.id], indicators: '循环1500次容量保持率≥90%' }),
      revision: 2,
    });
    expect(replaced.body).toMatchObject({ state: 'submitted', revision: 3 });
    expect(await auditCount(t, 'solution', sol)).toBe(4);
    await expire(t, cast.tech.id);
    const before = await stored(sol);
    const late = await phd.client.put(`/api/solutions/${sol}`, { solution: solutionInput(), revision: 3 });
    expectError(late, 422, 'DEADLINE_PASSED');
    expect(await stored(sol)).toEqual(before);
    expect(await auditCount(t, 'solution', sol)).toBe(4);
    // Withdrawing stays possible; the poster then no longer sees it.
    expect((await phd.client.post<SolutionView>(`/api/solutions/${sol}/actions/withdraw`)).body.state).toBe(
      'withdrawn',
    );
    expectError(await cast.unit.client.get(`/api/solutions/${sol}`), 404, 'NOT_FOUND');
    expectError(await phd.client.post(`/api/solutions/${sol}/actions/submit`), 403, 'FORBIDDEN');
  });

  it('refuses a solution after the deadline and from a team that is not mainly PhDs', async () => {
    const cast = await takingCast(t);
    const leader = await person(t);
    const m1 = await person(t, { degree: 'master', postdocStatus: 'phd' });
    const m2 = await person(t, { degree: 'bachelor', postdocStatus: 'phd' });
    const s = must(
      await signUp(leader.client, cast.tech.id, { takerKind: 'team', teamName: '混合团队' }),
      201,
      'team',
    );
    const draft = must(
      await leader.client.post<SolutionView>(`/api/signups/${s.id}/solution`, solutionInput()),
      201,
      'draft',
    );
    const submit = () => leader.client.post<SolutionView>(`/api/solutions/${draft.id}/actions/submit`);
    expectError(await submit(), 422, 'TAKER_NOT_ELIGIBLE', ['team:taking.team_too_small']);
    for (const m of [m1, m2])
      await leader.client.post(`/api/signups/${s.id}/members`, { username: m.user.username });
    expectError(await submit(), 422, 'INVITATIONS_PENDING');
    for (const m of [m1, m2]) await m.client.post(`/api/signups/${s.id}/invitation/confirm`);
    const refused = await submit();
    const body = expectError(refused, 422, 'TAKER_NOT_ELIGIBLE', ['team:taking.team_not_mainly_phd']);
    expect(body.error.fields![0]!.message).toContain('不少于一半');
    expect((await stored(draft.id)).state).toBe('draft');
    // A third, a postdoc, makes it two of four: exactly half, accepted.
    const m3 = await person(t, { postdocStatus: 'out_station', degree: 'doctorate' });
    await leader.client.post(`/api/signups/${s.id}/members`, { username: m3.user.username });
    await m3.client.post(`/api/signups/${s.id}/invitation/confirm`);
    expect((await submit()).body.state).toBe('submitted');
    // Submitted, the team is locked.
    const m4 = await person(t);
    expectError(
      await leader.client.post(`/api/signups/${s.id}/members`, { username: m4.user.username }),
      409,
      'STATE_CONFLICT',
    );
    // A member reads and writes in the thread but acts for nobody.
    expect((await m1.client.get<SolutionView>(`/api/solutions/${draft.id}`)).body.actions).toEqual([
      'message',
    ]);

    const phd = await person(t);
    const s2 = must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'phd');
    const d2 = must(
      await phd.client.post<SolutionView>(`/api/signups/${s2.id}/solution`, solutionInput()),
      201,
      'd2',
    );
    await expire(t, cast.tech.id);
    const late = await phd.client.post(`/api/solutions/${d2.id}/actions/submit`);
    expectError(late, 422, 'DEADLINE_PASSED');
    expect((await stored(d2.id)).state).toBe('draft');
    // No new solution after the deadline either.
    expectError(
      await phd.client.post(`/api/signups/${s2.id}/solution`, solutionInput()),
      422,
      'DEADLINE_PASSED',
    );
    expect(await countRows(t, 'solutions', cast.tech.id)).toBe(2);
  });

  it('takes a solution from a unit for a commercialisation need; refuses foreign attachments', async () => {
    const cast = await takingCast(t);
    const company = await entity(t, '2016-04-01');
    const s = must(
      await signUp(company.client, cast.transfer.id, { takerKind: 'unit', commitments: COMMITMENTS }),
      201,
      'unit',
    );
    const foreign = (await upload(cast.other.client, PDF_BYTES)).body;
    expectError(
      await company.client.post(
        `/api/signups/${s.id}/solution`,
        solutionInput({ attachmentIds: [foreign.id] }),
      ),
      400,
      'VALIDATION_FAILED',
      ['attachmentIds:unknown_file'],
    );
    const colleague = await buildActor(t, 'unit', { unitId: company.user.unitId });
    const d = must(
      await colleague.client.post<SolutionView>(`/api/signups/${s.id}/solution`, solutionInput()),
      201,
      'd',
    );
    expect(
      (await company.client.post<SolutionView>(`/api/solutions/${d.id}/actions/submit`)).body.state,
    ).toBe('submitted');
    const poster = await cast.postdoc.client.get<{ items: SignupView[] }>(
      `/api/challenges/${cast.transfer.id}/signups`,
    );
    expect(poster.body.items[0]!.solution).toMatchObject({ id: d.id, state: 'submitted' });
    expectError(await cast.unit.client.get(`/api/challenges/${cast.transfer.id}/signups`), 404, 'NOT_FOUND');
    expectError(await t.client().get(`/api/challenges/${cast.transfer.id}/signups`), 401, 'UNAUTHENTICATED');
  });
});
