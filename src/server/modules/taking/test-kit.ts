import type { ApiClient, ApiResponse } from '../../test/client.js';
import { buildActor, buildUnit } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { challengeCast, inDays, published, techInput, transferInput } from '../challenges/test-kit.js';

export interface SignupView {
  id: number;
  takerKind: string;
  state: string;
  teamName: string;
  members: Array<{ userId: number; name: string; role: string; state: string }>;
  confidentialityAccepted: boolean;
  solution: { id: number; state: string; revision: number } | null;
  actions: string[];
}

export interface SolutionView {
  id: number;
  state: string;
  revision: number;
  content: Record<string, unknown>;
  attachmentCount: number;
  attachments: Array<{ id: number; filename: string }> | null;
  team: Array<{ userId: number; name: string }>;
  actions: string[];
}

export function must<T>(res: ApiResponse<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
}

/** An individual with a profile (a PhD in station unless told otherwise). */
export async function person(
  t: TestApp,
  profile: { degree?: string; postdocStatus?: string; name?: string } = {},
) {
  const a = await buildActor(t, 'individual');
  await t.db
    .insertInto('person_profiles')
    .values({
      user_id: a.user.id,
      name: profile.name ?? `博士${a.user.id}`,
      degree: profile.degree ?? 'doctorate',
      postdoc_status: profile.postdocStatus ?? 'in_station',
      field: '材料科学',
      institution: '重庆大学',
    })
    .execute();
  return a;
}

/** A unit account whose unit was registered on `registrationDate`. */
export async function entity(t: TestApp, registrationDate: string) {
  const unit = await buildUnit(t.db, { registration_date: registrationDate });
  return buildActor(t, 'unit', { unitId: unit.id });
}

/** The challenges cast, with a published technical challenge and a published commercialisation need. */
export async function takingCast(t: TestApp) {
  const cast = await challengeCast(t);
  const tech = await published(cast, cast.unit.client, techInput(cast.district.id));
  const transfer = await published(cast, cast.postdoc.client, transferInput(cast.district.id));
  return { ...cast, tech, transfer };
}

export const COMMITMENTS = {
  fundsWan: 300,
  funds: '自有资金300万元，分期到位',
  premises: '中试车间1200平方米',
  market: '覆盖西南地区的药店与医院渠道',
};

export function solutionInput(over: Record<string, unknown> = {}) {
  return {
    approach: '采用单晶化与表面包覆相结合的技术路线，先在实验室验证，再在中试线放大。',
    milestones: [
      { title: '实验室验证', due: inDays(90), deliverable: '小试样品与测试报告' },
      { title: '中试放大', due: inDays(240), deliverable: '中试工艺包' },
    ],
    budgetWan: 280,
    budgetNote: '材料费120万元，测试费60万元，人员费100万元',
    team: '负责人统筹，成员分别负责材料合成与电化学测试',
    indicators: '循环1000次容量保持率≥92%',
    attachmentIds: [],
    ...over,
  };
}

export async function signUp(c: ApiClient, challengeId: number, body: Record<string, unknown>) {
  return c.post<SignupView>(`/api/challenges/${challengeId}/signups`, body);
}

/** Moves a need's deadline into the past (the form refuses that, so straight in the database). */
export async function expire(t: TestApp, challengeId: number): Promise<void> {
  await t.db
    .updateTable('challenges')
    .set({ deadline: inDays(-1) })
    .where('id', '=', challengeId)
    .execute();
}

export async function challengeRow(t: TestApp, id: number) {
  return t.db
    .selectFrom('challenges')
    .select(['signups', 'state'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function countRows(
  t: TestApp,
  table: 'signups' | 'solutions' | 'confidentiality_acceptances',
  challengeId: number,
): Promise<number> {
  const rows = await t.db.selectFrom(table).select('id').where('challenge_id', '=', challengeId).execute();
  return rows.length;
}

export async function auditCount(t: TestApp, entityType: string, entityId: number): Promise<number> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .execute();
  return rows.length;
}
