import type { DbOrTrx } from '../../db/index.js';

/* What a round needs to know of each solution: its topic (for affinity) and its parties (for conflicts). */

export interface SolutionFacts {
  solutionId: number;
  state: string;
  title: string;
  domain: string;
  content: Record<string, unknown>;
  posterInstitution: string | null;
  takerInstitution: string | null;
  takerUnitId: number | null;
  /** The leader and every confirmed member. */
  teamUserIds: number[];
}

const norm = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, '').toLowerCase();
  return t.length > 0 ? t : null;
};
export { norm as normaliseInstitution };

export async function solutionFacts(
  db: DbOrTrx,
  ids: readonly number[],
): Promise<Map<number, SolutionFacts>> {
  const out = new Map<number, SolutionFacts>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('solutions as s')
    .innerJoin('signups as g', 'g.id', 's.signup_id')
    .innerJoin('challenges as c', 'c.id', 's.challenge_id')
    .leftJoin('units as pu', 'pu.id', 'c.unit_id')
    .leftJoin('person_profiles as pp', 'pp.user_id', 'c.poster_user_id')
    .leftJoin('units as tu', 'tu.id', 'g.unit_id')
    .leftJoin('person_profiles as tp', 'tp.user_id', 'g.leader_user_id')
    .select([
      's.id',
      's.state',
      's.content_json',
      'c.title',
      'c.domain',
      'g.id as signup_id',
      'g.unit_id as taker_unit_id',
      'g.leader_user_id',
      'pu.name as poster_unit',
      'pp.institution as poster_inst',
      'tu.name as taker_unit',
      'tp.institution as taker_inst',
    ])
    .where('s.id', 'in', [...ids])
    .execute();
  // PostgreSQL refuses `in ()`: no solution found, nothing more to read.
  if (rows.length === 0) return out;
  const members = await db
    .selectFrom('signup_members')
    .select(['signup_id', 'user_id'])
    .where(
      'signup_id',
      'in',
      rows.map((r) => r.signup_id),
    )
    .where('state', '=', 'confirmed')
    .execute();
  for (const r of rows)
    out.set(r.id, {
      solutionId: r.id,
      state: r.state,
      title: r.title,
      domain: r.domain,
      content: JSON.parse(r.content_json) as Record<string, unknown>,
      posterInstitution: norm(r.poster_unit ?? r.poster_inst),
      takerInstitution: norm(r.taker_unit ?? r.taker_inst),
      takerUnitId: r.taker_unit_id,
      teamUserIds: [
        r.leader_user_id,
        ...members.filter((m) => m.signup_id === r.signup_id).map((m) => m.user_id),
      ],
    });
  return out;
}
