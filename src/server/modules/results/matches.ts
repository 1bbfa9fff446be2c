import type { DbOrTrx } from '../../db/index.js';
import { defaultSummary, takerDisplayName } from '../../../shared/results/rules.js';
import type { SolutionInputData } from '../../../shared/taking/solution.js';
import { todayInChina } from '../../../shared/roles.js';

/*
 * The public facts of a match (对接成功: the solution's decision is `matched`): the need's title and domain,
 * the poster's and the taker's names, the date, a summary from the approach's first sentence. Never the
 * confidential part of the need, never contact details. And who stands on each side (for notices and
 * certificates): the poster account and its unit's accounts, the leader, every confirmed member, the
 * taking unit's accounts.
 */

export interface MatchFacts {
  solutionId: number;
  challengeId: number;
  needTitle: string;
  domain: string;
  posterName: string;
  takerName: string;
  matchedOn: string;
  summary: string;
  regionIds: number[];
}

/** `,3,7,`: LIKE-searchable on both engines. */
export const regionKey = (ids: readonly number[]): string => `,${[...new Set(ids)].join(',')},`;
export const keyIds = (key: string): number[] =>
  key
    .split(',')
    .filter((s) => s !== '')
    .map(Number);

/** The start of a China-time day as an ISO instant, to compare with the stored ISO timestamps. */
export const dayStartIso = (day: string): string => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function personName(db: DbOrTrx, userId: number): Promise<string> {
  const p = await db
    .selectFrom('users')
    .leftJoin('person_profiles', 'person_profiles.user_id', 'users.id')
    .select(['users.display_name', 'person_profiles.name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return p?.name || p?.display_name || '';
}

async function unitName(db: DbOrTrx, unitId: number | null): Promise<string | null> {
  if (unitId === null) return null;
  const u = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return u?.name ?? null;
}

/** An account's name on a certificate: its unit's name for a unit account, the person's name otherwise. */
export async function holderName(db: DbOrTrx, userId: number): Promise<{ name: string; role: string }> {
  const u = await db
    .selectFrom('users')
    .select(['role', 'unit_id', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (u.role === 'unit') return { name: (await unitName(db, u.unit_id)) ?? u.display_name, role: u.role };
  return { name: await personName(db, userId), role: u.role };
}

function matchedQuery(db: DbOrTrx) {
  return db
    .selectFrom('solutions as s')
    .innerJoin('challenges as c', 'c.id', 's.challenge_id')
    .innerJoin('signups as g', 'g.id', 's.signup_id')
    .select([
      's.id as solution_id',
      's.content_json',
      's.taker_confirmed_at',
      's.updated_at',
      'c.id as challenge_id',
      'c.title',
      'c.domain',
      'c.poster_user_id',
      'c.unit_id as poster_unit_id',
      'c.region_id as challenge_region_id',
      'g.taker_kind',
      'g.team_name',
      'g.leader_user_id',
      'g.unit_id as taker_unit_id',
      'g.region_id as signup_region_id',
    ])
    .where('s.decision', '=', 'matched')
    .where('s.state', '=', 'submitted');
}
type MatchedRow = Awaited<ReturnType<ReturnType<typeof matchedQuery>['execute']>>[number];

async function unitRegion(db: DbOrTrx, unitId: number | null): Promise<number | null> {
  if (unitId === null) return null;
  const u = await db.selectFrom('units').select('region_id').where('id', '=', unitId).executeTakeFirst();
  return u?.region_id ?? null;
}

async function toFacts(db: DbOrTrx, r: MatchedRow): Promise<MatchFacts> {
  const content = JSON.parse(r.content_json) as Partial<SolutionInputData>;
  const takerUnitId = r.taker_kind === 'unit' ? r.taker_unit_id : null;
  const posterName =
    r.poster_unit_id !== null
      ? ((await unitName(db, r.poster_unit_id)) ?? '')
      : await personName(db, r.poster_user_id);
  const takerName = takerDisplayName({
    kind: r.taker_kind,
    unitName: await unitName(db, takerUnitId),
    teamName: r.team_name,
    leaderName: await personName(db, r.leader_user_id),
  });
  const regions = [
    (await unitRegion(db, r.poster_unit_id)) ?? r.challenge_region_id,
    (await unitRegion(db, takerUnitId)) ?? r.signup_region_id,
  ];
  return {
    solutionId: r.solution_id,
    challengeId: r.challenge_id,
    needTitle: r.title,
    domain: r.domain,
    posterName,
    takerName,
    matchedOn: todayInChina(new Date(r.taker_confirmed_at ?? r.updated_at)),
    summary: defaultSummary(typeof content.approach === 'string' ? content.approach : ''),
    regionIds: [...new Set(regions)],
  };
}

/** The facts of these solutions, for those that are matches (others are left out). */
export async function factsOf(db: DbOrTrx, solutionIds: number[]): Promise<Map<number, MatchFacts>> {
  const out = new Map<number, MatchFacts>();
  if (solutionIds.length === 0) return out;
  const rows = await matchedQuery(db).where('s.id', 'in', solutionIds).execute();
  for (const r of rows) out.set(r.solution_id, await toFacts(db, r));
  return out;
}

/**
 * "Compile": the matches of the period (China dates, both ends included) that no published announcement
 * names yet, oldest first.
 */
export async function matchesInPeriod(db: DbOrTrx, from: string, to: string): Promise<MatchFacts[]> {
  const rows = await matchedQuery(db)
    .where('s.taker_confirmed_at', '>=', dayStartIso(from))
    .where('s.taker_confirmed_at', '<', dayStartIso(nextDay(to)))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('results_items as ri')
            .innerJoin('results_announcements as a', 'a.id', 'ri.announcement_id')
            .select('ri.id')
            .whereRef('ri.solution_id', '=', 's.id')
            .where('a.state', '=', 'published'),
        ),
      ),
    )
    .orderBy('s.taker_confirmed_at')
    .orderBy('s.id')
    .limit(500)
    .execute();
  const out: MatchFacts[] = [];
  for (const r of rows) out.push(await toFacts(db, r));
  return out;
}

/** Every match, newest first (the office's projects list for events and the competition). */
export async function allMatches(db: DbOrTrx, limit = 500): Promise<MatchFacts[]> {
  const rows = await matchedQuery(db)
    .orderBy('s.taker_confirmed_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  const out: MatchFacts[] = [];
  for (const r of rows) out.push(await toFacts(db, r));
  return out;
}

/** The parties of a match: the poster's side and the taker's side (leader, confirmed members, unit accounts). */
export async function matchPartyUserIds(db: DbOrTrx, solutionId: number): Promise<number[]> {
  const r = await matchedQuery(db).where('s.id', '=', solutionId).executeTakeFirst();
  if (!r) return [];
  const ids = new Set<number>([r.poster_user_id, r.leader_user_id]);
  const members = await db
    .selectFrom('signup_members')
    .innerJoin('solutions', 'solutions.signup_id', 'signup_members.signup_id')
    .select('signup_members.user_id')
    .where('solutions.id', '=', solutionId)
    .where('signup_members.state', '=', 'confirmed')
    .execute();
  for (const m of members) ids.add(m.user_id);
  const units = [r.poster_unit_id, r.taker_kind === 'unit' ? r.taker_unit_id : null].filter(
    (x): x is number => x !== null,
  );
  if (units.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('unit_id', 'in', units)
      .where('status', '=', 'active')
      .execute();
    for (const u of rows) ids.add(u.id);
  }
  return [...ids];
}

/** The matches an account is a party of (for 我的证明). */
export async function matchesOf(db: DbOrTrx, userId: number, unitId: number | null): Promise<number[]> {
  const rows = await matchedQuery(db)
    .where((eb) => {
      const ors = [
        eb('c.poster_user_id', '=', userId),
        eb('g.leader_user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('signup_members as m')
            .select('m.id')
            .whereRef('m.signup_id', '=', 'g.id')
            .where('m.user_id', '=', userId)
            .where('m.state', '=', 'confirmed'),
        ),
      ];
      if (unitId !== null) {
        ors.push(eb('c.unit_id', '=', unitId));
        ors.push(eb.and([eb('g.taker_kind', '=', 'unit'), eb('g.unit_id', '=', unitId)]));
      }
      return eb.or(ors);
    })
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map((r) => r.solution_id);
}
