import type { Selectable } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { DbOrTrx } from '../../db/index.js';
import type { SignupTable, SolutionTable } from '../../db/schema-taking.js';
import { authorize, type MaybeActor, type ResourceMap } from '../../policy/index.js';
import type { EntityCommitmentsData, PersonFacts, TakerKind } from '../../../shared/taking/eligibility.js';
import type {
  MemberState,
  SignupState,
  SolutionInputData,
  SolutionState,
} from '../../../shared/taking/solution.js';
import { toRecord, type ChallengeRecord } from '../challenges/load.js';
import type { Decision } from './workflow.js';

export interface MemberRecord {
  userId: number;
  role: 'leader' | 'member';
  state: MemberState;
  name: string;
  invitedAt: string;
  respondedAt: string | null;
}

export interface SignupRecord {
  id: number;
  challengeId: number;
  takerKind: TakerKind;
  leaderUserId: number;
  unitId: number | null;
  regionId: number;
  teamName: string;
  commitments: EntityCommitmentsData | null;
  state: SignupState;
  createdAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
  members: MemberRecord[];
}

export interface SolutionRecord {
  id: number;
  signupId: number;
  challengeId: number;
  state: SolutionState;
  content: SolutionInputData;
  revision: number;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  withdrawnAt: string | null;
  decision: Decision;
  decisionReason: string;
  posterConfirmedAt: string | null;
  takerConfirmedAt: string | null;
}

export function toSolution(r: Selectable<SolutionTable>): SolutionRecord {
  return {
    id: r.id,
    signupId: r.signup_id,
    challengeId: r.challenge_id,
    state: r.state as SolutionState,
    content: JSON.parse(r.content_json) as SolutionInputData,
    revision: r.revision,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    withdrawnAt: r.withdrawn_at,
    decision: r.decision as Decision,
    decisionReason: r.decision_reason,
    posterConfirmedAt: r.poster_confirmed_at,
    takerConfirmedAt: r.taker_confirmed_at,
  };
}

async function membersOf(db: DbOrTrx, signupIds: number[]): Promise<Map<number, MemberRecord[]>> {
  const out = new Map<number, MemberRecord[]>();
  if (signupIds.length === 0) return out;
  const rows = await db
    .selectFrom('signup_members')
    .innerJoin('users', 'users.id', 'signup_members.user_id')
    .leftJoin('person_profiles', 'person_profiles.user_id', 'signup_members.user_id')
    .select([
      'signup_members.signup_id',
      'signup_members.user_id',
      'signup_members.role',
      'signup_members.state',
      'signup_members.invited_at',
      'signup_members.responded_at',
      'users.display_name',
      'person_profiles.name',
    ])
    .where('signup_members.signup_id', 'in', signupIds)
    .orderBy('signup_members.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.signup_id) ?? [];
    list.push({
      userId: r.user_id,
      role: r.role as 'leader' | 'member',
      state: r.state as MemberState,
      name: r.name ?? r.display_name,
      invitedAt: r.invited_at,
      respondedAt: r.responded_at,
    });
    out.set(r.signup_id, list);
  }
  return out;
}

export async function toSignups(db: DbOrTrx, rows: Selectable<SignupTable>[]): Promise<SignupRecord[]> {
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    challengeId: r.challenge_id,
    takerKind: r.taker_kind as TakerKind,
    leaderUserId: r.leader_user_id,
    unitId: r.unit_id,
    regionId: r.region_id,
    teamName: r.team_name,
    commitments: r.commitments_json ? (JSON.parse(r.commitments_json) as EntityCommitmentsData) : null,
    state: r.state as SignupState,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    withdrawnAt: r.withdrawn_at,
    members: members.get(r.id) ?? [],
  }));
}

export async function challengeById(db: DbOrTrx, id: number): Promise<ChallengeRecord> {
  const row = await db.selectFrom('challenges').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toRecord(row);
}

/** The policy's view of a sign-up: who is on which side. */
export function signupRes(s: SignupRecord, c: ChallengeRecord): ResourceMap['signup'] {
  return {
    id: s.id,
    challengeId: s.challengeId,
    takerKind: s.takerKind,
    state: s.state,
    leaderUserId: s.leaderUserId,
    takerUnitId: s.takerKind === 'unit' ? s.unitId : null,
    memberUserIds: s.members.filter((m) => m.state === 'confirmed').map((m) => m.userId),
    invitedUserIds: s.members.filter((m) => m.state === 'invited').map((m) => m.userId),
    posterUserId: c.posterUserId,
    posterUnitId: c.unitId,
    regionId: c.regionId,
  };
}

export function solutionRes(
  sol: SolutionRecord,
  s: SignupRecord,
  c: ChallengeRecord,
): ResourceMap['solution'] {
  const {
    id: _id,
    challengeId: _c,
    takerKind: _k,
    invitedUserIds: _i,
    state: _s,
    ...parties
  } = signupRes(s, c);
  return { ...parties, id: sol.id, signupId: s.id, state: sol.state, decision: sol.decision };
}

export interface LoadedSignup {
  signup: SignupRecord;
  challenge: ChallengeRecord;
  res: ResourceMap['signup'];
}

/** A sign-up the actor may see (404 otherwise, as if it did not exist). */
export async function loadSignup(db: DbOrTrx, actor: MaybeActor, id: number): Promise<LoadedSignup> {
  const row = await db.selectFrom('signups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const [signup] = await toSignups(db, [row]);
  const challenge = await challengeById(db, row.challenge_id);
  const res = signupRes(signup!, challenge);
  authorize(actor, 'signup', 'view', res);
  return { signup: signup!, challenge, res };
}

export interface LoadedSolution extends LoadedSignup {
  solution: SolutionRecord;
  solutionRes: ResourceMap['solution'];
}

/** A solution the actor may see, with its sign-up and need (404 otherwise). */
export async function loadSolution(db: DbOrTrx, actor: MaybeActor, id: number): Promise<LoadedSolution> {
  const row = await db.selectFrom('solutions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const solution = toSolution(row);
  const srow = await db
    .selectFrom('signups')
    .selectAll()
    .where('id', '=', row.signup_id)
    .executeTakeFirstOrThrow();
  const [signup] = await toSignups(db, [srow]);
  const challenge = await challengeById(db, row.challenge_id);
  const res = solutionRes(solution, signup!, challenge);
  authorize(actor, 'solution', 'view', res);
  return { signup: signup!, challenge, res: signupRes(signup!, challenge), solution, solutionRes: res };
}

/** The profiles the eligibility rules read (null for an account without one). */
export async function personFacts(db: DbOrTrx, userIds: number[]): Promise<Map<number, PersonFacts | null>> {
  const out = new Map<number, PersonFacts | null>(userIds.map((id) => [id, null]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('person_profiles')
    .select(['user_id', 'degree', 'postdoc_status'])
    .where('user_id', 'in', userIds)
    .execute();
  for (const r of rows) out.set(r.user_id, { degree: r.degree, postdocStatus: r.postdoc_status });
  return out;
}

/** The live sign-up (as leader, unit or confirmed/invited member) this account has for a need, if any. */
export async function liveParticipation(
  db: DbOrTrx,
  challengeId: number,
  userId: number,
  unitId: number | null,
): Promise<number | null> {
  const row = await db
    .selectFrom('signups')
    .leftJoin('signup_members', 'signup_members.signup_id', 'signups.id')
    .select('signups.id')
    .where('signups.challenge_id', '=', challengeId)
    .where('signups.state', '<>', 'withdrawn')
    .where((eb) =>
      eb.or([
        eb('signups.leader_user_id', '=', userId),
        eb.and([eb('signup_members.user_id', '=', userId), eb('signup_members.state', '<>', 'declined')]),
        ...(unitId !== null
          ? [eb.and([eb('signups.unit_id', '=', unitId), eb('signups.taker_kind', '=', 'unit')])]
          : []),
      ]),
    )
    .executeTakeFirst();
  return row?.id ?? null;
}
