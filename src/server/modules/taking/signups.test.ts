import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { buildActor } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { todayInChina } from '../../../shared/roles.js';
import { act, inDays, SECRET, submitted, techInput } from '../challenges/test-kit.js';
import {
  auditCount,
  challengeRow,
  COMMITMENTS,
  countRows,
  entity,
  expire,
  person,
  signUp,
  takingCast,
  type SignupView,
} from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** Today (China time) shifted back by whole months and days, clamped to the month's end like the law. */
function ago(months: number, days = 0): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  const want = d.getUTCMonth() - months;
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(want);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** A refusal changed nothing: no sign-up row, the counter unchanged, and the body leaks nothing. */
async function unchanged(challengeId: number, before: { rows: number; signups: number }, text: string) {
  expect(await countRows(t, 'signups', challengeId)).toBe(before.rows);
  expect((await challengeRow(t, challengeId)).signups).toBe(before.signups);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('赵工');
}
const snapshot = async (id: number) => ({
  rows: await countRows(t, 'signups', id),
  signups: (await challengeRow(t, id)).signups,
});

describe('sign-up for a technical challenge', () => {
  it('takes a PhD individually, counts the sign-up, audits it and tells the poster', async () => {
    const cast = await takingCast(t);
    const phd = await person(t);
    const res = await signUp(phd.client, cast.tech.id, { takerKind: 'individual' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      takerKind: 'individual',
      state: 'active',
      confidentialityAccepted: false,
    });
    expect(res.body.actions).toEqual(['withdraw', 'accept_confidentiality', 'create_solution']);
    expect(res.text).not.toContain(SECRET);
    expect((await challengeRow(t, cast.tech.id)).signups).toBe(1);
    expect(await auditCount(t, 'signup', res.body.id)).toBe(1);
    const hall = await t.client().get<{ signups: number }>(`/api/challenges/${cast.tech.id}`);
    expect(hall.body.signups).toBe(1);
    await drainUntil(t, async () => {
      const n = await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', cast.unit.user.id)
        .execute();
      return n.some((x) => x.title.includes('新的揭榜报名'));
    });
    const list = await cast.unit.client.get<{ items: SignupView[] }>(
      `/api/challenges/${cast.tech.id}/signups`,
    );
    expect(list.body.items.map((s) => s.id)).toEqual([res.body.id]);
    expect(list.body.items[0]!.actions).toEqual([]);
    const office = await cast.city.client.get<{ items: SignupView[] }>(
      `/api/challenges/${cast.tech.id}/signups`,
    );
    expect(office.body.items.map((x) => x.id)).toEqual([res.body.id]);
    // The national reviewer sees the posting itself, but not who signed up.
    expectError(await cast.nation.client.get(`/api/challenges/${cast.tech.id}/signups`), 403, 'FORBIDDEN');
    for (const c of [cast.other.client, phd.client]) {
      const refused = await c.get(`/api/challenges/${cast.tech.id}/signups`);
      expectError(refused, 404, 'NOT_FOUND');
      expect(refused.text).not.toContain(phd.user.username);
    }
    expectError(await t.client().get(`/api/challenges/${cast.tech.id}/signups`), 401, 'UNAUTHENTICATED');
  });

  it('refuses a non-PhD, a unit, the poster itself, a second sign-up, and after the deadline — naming the rule', async () => {
    const cast = await takingCast(t);
    const id = cast.tech.id;
    const before = await snapshot(id);
    const master = await person(t, { degree: 'master', postdocStatus: 'phd' });
    const r1 = await signUp(master.client, id, { takerKind: 'individual' });
    const body = expectError(r1, 422, 'TAKER_NOT_ELIGIBLE', ['taker:taking.individual_not_phd']);
    expect(body.error.fields![0]!.message).toContain('博士、博士后为主要成员的科研团队');
    await unchanged(id, before, r1.text);
    const asLeader = await signUp(master.client, id, { takerKind: 'team', teamName: '硕士团队' });
    expectError(asLeader, 422, 'TAKER_NOT_ELIGIBLE', ['taker:taking.team_leader_not_phd']);
    const unit = await entity(t, '2010-01-01');
    const r2 = await signUp(unit.client, id, { takerKind: 'unit', commitments: COMMITMENTS });
    expectError(r2, 422, 'TAKER_NOT_ELIGIBLE', ['takerKind:taking.person_takes_tech']);
    await unchanged(id, before, r2.text);
    expectError(await signUp(cast.unit.client, id, { takerKind: 'individual' }), 403, 'FORBIDDEN');
    await unchanged(id, before, '');

    const phd = await person(t);
    expect((await signUp(phd.client, id, { takerKind: 'individual' })).status).toBe(201);
    const again = await signUp(phd.client, id, { takerKind: 'team', teamName: '再报一次' });
    expectError(again, 409, 'ALREADY_SIGNED_UP');
    expect(await countRows(t, 'signups', id)).toBe(before.rows + 1);

    await expire(t, id);
    const late = await person(t);
    const r3 = await signUp(late.client, id, { takerKind: 'individual' });
    expectError(r3, 422, 'DEADLINE_PASSED');
    await unchanged(id, { rows: before.rows + 1, signups: 1 }, r3.text);
  });

  it('refuses needs not in the hall, anonymous callers and other roles', async () => {
    const cast = await takingCast(t);
    const draft = await submitted(cast.unit.client, techInput(cast.district.id, { deadline: inDays(30) }));
    const phd = await person(t);
    expectError(await signUp(phd.client, draft.id, { takerKind: 'individual' }), 404, 'NOT_FOUND');
    expectError(await signUp(t.client(), cast.tech.id, { takerKind: 'individual' }), 401, 'UNAUTHENTICATED');
    for (const role of ['municipal_officer', 'district_officer', 'expert', 'sys_admin'] as const) {
      const other = await buildActor(t, role);
      expectError(await signUp(other.client, cast.tech.id, { takerKind: 'individual' }), 403, 'FORBIDDEN');
    }
    await act(cast.unit.client, cast.tech.id, 'close');
    expectError(
      await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }),
      409,
      'NOT_OPEN_FOR_TAKING',
    );
    expect((await challengeRow(t, cast.tech.id)).signups).toBe(0);
  });
});

describe('sign-up for a commercialisation need', () => {
  it('refuses an 11-month-old company and accepts one registered a year and a day ago', async () => {
    const cast = await takingCast(t);
    const id = cast.transfer.id;
    const before = await snapshot(id);
    const young = await entity(t, ago(11));
    const r1 = await signUp(young.client, id, { takerKind: 'unit', commitments: COMMITMENTS });
    const body = expectError(r1, 422, 'TAKER_NOT_ELIGIBLE', ['unit:taking.registered_under_one_year']);
    expect(body.error.fields![0]!.message).toContain('登记注册1年以上');
    await unchanged(id, before, r1.text);
    const justOne = await entity(t, ago(12));
    expectError(
      await signUp(justOne.client, id, { takerKind: 'unit', commitments: COMMITMENTS }),
      422,
      'TAKER_NOT_ELIGIBLE',
      ['unit:taking.registered_under_one_year'],
    );
    const older = await entity(t, ago(12, 1));
    const ok = await signUp(older.client, id, { takerKind: 'unit', commitments: COMMITMENTS });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ takerKind: 'unit', commitments: COMMITMENTS });
    expect((await challengeRow(t, id)).signups).toBe(1);
    // Another account of the same unit is the same taker.
    const colleague = await buildActor(t, 'unit', { unitId: older.user.unitId });
    expectError(
      await signUp(colleague.client, id, { takerKind: 'unit', commitments: COMMITMENTS }),
      409,
      'ALREADY_SIGNED_UP',
    );
  });

  it('refuses an unknown registration date, missing commitments and a person', async () => {
    const cast = await takingCast(t);
    const id = cast.transfer.id;
    const before = await snapshot(id);
    const imported = await entity(t, '');
    const r1 = await signUp(imported.client, id, { takerKind: 'unit', commitments: COMMITMENTS });
    expectError(r1, 422, 'TAKER_NOT_ELIGIBLE', ['unit:taking.registration_date_unknown']);
    const old = await entity(t, '2012-05-20');
    for (const [missing, rule] of [
      ['funds', 'commitment_funds'],
      ['premises', 'commitment_premises'],
      ['market', 'commitment_market'],
    ] as const) {
      const r = await signUp(old.client, id, {
        takerKind: 'unit',
        commitments: { ...COMMITMENTS, [missing]: '' },
      });
      expectError(r, 422, 'TAKER_NOT_ELIGIBLE', [`commitments:taking.${rule}`]);
    }
    expectError(await signUp(old.client, id, { takerKind: 'unit' }), 422, 'TAKER_NOT_ELIGIBLE', [
      'commitments:taking.commitment_funds',
    ]);
    const phd = await person(t);
    expectError(await signUp(phd.client, id, { takerKind: 'individual' }), 422, 'TAKER_NOT_ELIGIBLE', [
      'takerKind:taking.unit_takes_transfer',
    ]);
    await unchanged(id, before, '');
  });
});

describe('teams', () => {
  it('invites members by account, each confirming or declining; withdrawal moves the counter back', async () => {
    const cast = await takingCast(t);
    const id = cast.tech.id;
    const leader = await person(t, { name: '团队负责人' });
    const a = await person(t, { postdocStatus: 'out_station' });
    const b = await person(t, { degree: 'master', postdocStatus: 'phd' });
    const c = await person(t);
    const team = await signUp(leader.client, id, { takerKind: 'team', teamName: '电池攻关团队' });
    expect(team.status).toBe(201);
    expect(team.body.actions).toContain('invite');
    const sid = team.body.id;
    for (const m of [a, b, c]) {
      const r = await leader.client.post<SignupView>(`/api/signups/${sid}/members`, {
        username: m.user.username,
      });
      expect(r.status).toBe(200);
    }
    const seen = await a.client.get<SignupView>(`/api/signups/${sid}`);
    expect(seen.body.actions).toEqual(['confirm', 'decline']);
    expect(
      (await a.client.post<SignupView>(`/api/signups/${sid}/invitation/confirm`)).body.members,
    ).toHaveLength(4);
    // Answered once: a member now, no longer invited.
    expectError(await a.client.post(`/api/signups/${sid}/invitation/confirm`), 403, 'FORBIDDEN');
    expect((await b.client.post(`/api/signups/${sid}/invitation/confirm`)).status).toBe(200);
    expect((await c.client.post(`/api/signups/${sid}/invitation/decline`)).body).toEqual({
      id: sid,
      invitation: 'declined',
    });
    expectError(await c.client.get(`/api/signups/${sid}`), 404, 'NOT_FOUND');
    const now = await leader.client.get<SignupView>(`/api/signups/${sid}`);
    expect(now.body.members.map((m) => `${m.role}:${m.state}`)).toEqual([
      'leader:confirmed',
      'member:confirmed',
      'member:confirmed',
      'member:declined',
    ]);
    // Only the leader invites; a unit account or an unknown name cannot be invited; nobody twice.
    const outsider = await person(t);
    expectError(
      await a.client.post(`/api/signups/${sid}/members`, { username: outsider.user.username }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await leader.client.post(`/api/signups/${sid}/members`, { username: cast.other.user.username }),
      400,
      'VALIDATION_FAILED',
      ['username:member_not_individual'],
    );
    expectError(
      await leader.client.post(`/api/signups/${sid}/members`, { username: 'nobody-here' }),
      400,
      'VALIDATION_FAILED',
      ['username:unknown_account'],
    );
    expectError(
      await leader.client.post(`/api/signups/${sid}/members`, { username: a.user.username }),
      400,
      'VALIDATION_FAILED',
      ['username:member_already_taking'],
    );
    // A confirmed member cannot sign up again on their own; the poster's side sees the team.
    expectError(await signUp(a.client, id, { takerKind: 'individual' }), 409, 'ALREADY_SIGNED_UP');
    const posterView = await cast.unit.client.get<SignupView>(`/api/signups/${sid}`);
    expect(posterView.body.teamName).toBe('电池攻关团队');
    expectError(await outsider.client.get(`/api/signups/${sid}`), 404, 'NOT_FOUND');
    expectError(await cast.other.client.get(`/api/signups/${sid}`), 404, 'NOT_FOUND');

    expect((await challengeRow(t, id)).signups).toBe(1);
    expectError(await a.client.post(`/api/signups/${sid}/withdraw`), 403, 'FORBIDDEN');
    const gone = await leader.client.post<SignupView>(`/api/signups/${sid}/withdraw`);
    expect(gone.body.state).toBe('withdrawn');
    expect((await challengeRow(t, id)).signups).toBe(0);
    expectError(await leader.client.post(`/api/signups/${sid}/withdraw`), 403, 'FORBIDDEN');
    const mine = await leader.client.get<{ items: SignupView[] }>('/api/signups/mine');
    expect(mine.body.items.map((s) => `${s.id}:${s.state}`)).toEqual([`${sid}:withdrawn`]);
    // Withdrawn, the leader may sign up again.
    expect((await signUp(leader.client, id, { takerKind: 'individual' })).status).toBe(201);
  });
});
