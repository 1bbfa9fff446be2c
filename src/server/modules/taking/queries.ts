import type { DbOrTrx } from '../../db/index.js';
import { authorize, authorizeType, can, type Actor } from '../../policy/index.js';
import { loadChallenge, policyRes } from '../challenges/load.js';
import {
  challengeById,
  signupRes,
  solutionRes,
  toSignups,
  toSolution,
  type LoadedSignup,
  type SolutionRecord,
} from './load.js';

/** My sign-ups: as leader, as a member (invitations included) or through my unit; newest first. */
export async function mySignups(db: DbOrTrx, actor: Actor): Promise<LoadedSignup[]> {
  authorizeType(actor, 'signup', 'list_mine');
  const rows = await db
    .selectFrom('signups')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('leader_user_id', '=', actor.id),
        eb(
          'id',
          'in',
          eb
            .selectFrom('signup_members')
            .select('signup_id')
            .where('user_id', '=', actor.id)
            .where('state', '<>', 'declined'),
        ),
        ...(actor.unitId !== null
          ? [eb.and([eb('unit_id', '=', actor.unitId), eb('taker_kind', '=', 'unit')])]
          : []),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const signups = await toSignups(db, rows);
  const out: LoadedSignup[] = [];
  for (const s of signups) {
    const challenge = await challengeById(db, s.challengeId);
    const res = signupRes(s, challenge);
    if (can(actor, 'signup', 'view', res)) out.push({ signup: s, challenge, res });
  }
  return out;
}

/** The sign-ups of a need, for its poster's side and the municipal office. */
export async function challengeSignups(db: DbOrTrx, actor: Actor, challengeId: number) {
  const { record: challenge } = await loadChallenge(db, actor, challengeId);
  authorize(actor, 'challenge', 'list_signups', policyRes(challenge));
  const rows = await db
    .selectFrom('signups')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .orderBy('id')
    .execute();
  const signups = await toSignups(db, rows);
  return signups.map((s) => ({ signup: s, challenge, res: signupRes(s, challenge) }));
}

/** The solutions of a need the caller may see (the poster's side: submitted ones). */
export async function challengeSolutions(
  db: DbOrTrx,
  actor: Actor,
  challengeId: number,
): Promise<Array<LoadedSignup & { solution: SolutionRecord }>> {
  const list = await challengeSignups(db, actor, challengeId);
  const bySignup = new Map(list.map((l) => [l.signup.id, l]));
  const rows = await db
    .selectFrom('solutions')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .where('state', '<>', 'draft')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => {
    const l = bySignup.get(r.signup_id);
    if (!l) return [];
    const solution = toSolution(r);
    return can(actor, 'solution', 'view', solutionRes(solution, l.signup, l.challenge))
      ? [{ ...l, solution }]
      : [];
  });
}
