import { availableTransitions } from '../../core/workflow.js';
import type { DbOrTrx } from '../../db/index.js';
import { can, type MaybeActor } from '../../policy/index.js';
import { todayInChina } from '../../../shared/roles.js';
import type { ChallengeRecord } from '../challenges/load.js';
import { hallStatus } from '../challenges/presenter.js';
import { presentFiles } from '../files/commands.js';
import { hasAccepted } from './confidential.js';
import { engagementActions } from './engagement.js';
import { solutionRes, type LoadedSignup, type SignupRecord, type SolutionRecord } from './load.js';
import { SOLUTION_WORKFLOW } from './workflow.js';

const posterSide = (actor: MaybeActor, l: LoadedSignup): boolean =>
  !!actor &&
  (actor.id === l.challenge.posterUserId ||
    (l.challenge.unitId !== null && actor.unitId === l.challenge.unitId));

async function liveSolution(db: DbOrTrx, signupId: number) {
  return db
    .selectFrom('solutions')
    .select(['id', 'state', 'revision', 'submitted_at', 'updated_at', 'decision'])
    .where('signup_id', '=', signupId)
    .where('state', '<>', 'withdrawn')
    .executeTakeFirst();
}

/** Sign-ups and solutions are taken while the need is published, unmatched and before its deadline. */
const openForTaking = (c: ChallengeRecord): boolean =>
  c.state === 'published' && !c.matchedAt && c.deadline >= todayInChina();
/** Once the poster proposed the match (or both confirmed it) the solution and sign-up stay as agreed. */
const agreed = (decision: string | undefined): boolean => decision === 'proposed' || decision === 'matched';

async function unitName(db: DbOrTrx, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const u = await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst();
  return u?.name ?? null;
}

/** A sign-up as this caller may see it, with what the caller may do next (`actions`). */
export async function presentSignup(db: DbOrTrx, actor: MaybeActor, l: LoadedSignup) {
  const { signup: s, challenge: c, res } = l;
  const live = await liveSolution(db, s.id);
  // The taker's side sees its draft too; everyone else who sees the sign-up, only a submitted solution.
  const takerSide =
    !!actor &&
    (actor.id === s.leaderUserId ||
      res.memberUserIds.includes(actor.id) ||
      (res.takerUnitId !== null && actor.unitId === res.takerUnitId));
  const showSolution = live && (takerSide || live.state === 'submitted');
  const accepted = actor ? await hasAccepted(db, c.id, actor.id, 'taker') : false;
  const actions: string[] = [];
  const open = openForTaking(c);
  if (can(actor, 'signup', 'withdraw', res) && !agreed(live?.decision)) actions.push('withdraw');
  if (can(actor, 'signup', 'invite', res) && live?.state !== 'submitted' && open) actions.push('invite');
  if (can(actor, 'signup', 'respond', res)) actions.push('confirm', 'decline');
  if (can(actor, 'signup', 'accept_confidentiality', res))
    actions.push(accepted ? 'view_confidential' : 'accept_confidentiality');
  if (can(actor, 'signup', 'create_solution', res) && !live && open) actions.push('create_solution');
  return {
    id: s.id,
    challenge: { id: c.id, title: c.title, kind: c.kind, deadline: c.deadline, status: hallStatus(c) },
    takerKind: s.takerKind,
    teamName: s.teamName,
    unit: s.takerKind === 'unit' ? { id: s.unitId, name: await unitName(db, s.unitId) } : null,
    commitments: s.commitments,
    state: s.state,
    leaderUserId: s.leaderUserId,
    members: s.members.map((m) => ({
      userId: m.userId,
      name: m.name,
      role: m.role,
      state: m.state,
      invitedAt: m.invitedAt,
      respondedAt: m.respondedAt,
    })),
    confidentialityAccepted: accepted,
    solution: showSolution
      ? { id: live.id, state: live.state, revision: live.revision, submittedAt: live.submitted_at }
      : null,
    createdAt: s.createdAt,
    withdrawnAt: s.withdrawnAt,
    actions,
    /** The poster's side sees the taker's sign-up but takes no action on it here. */
    posterSide: posterSide(actor, l),
  };
}

export async function presentSignups(db: DbOrTrx, actor: MaybeActor, list: LoadedSignup[]) {
  const out = [];
  for (const l of list) out.push(await presentSignup(db, actor, l));
  return out;
}

/**
 * A solution as this caller may see it. The attachments (even their names) reach the poster's side only
 * after its 保密书 for the need; until then the count and `accept_confidentiality` are sent instead.
 */
export async function presentSolution(
  db: DbOrTrx,
  actor: MaybeActor,
  l: LoadedSignup & { solution: SolutionRecord },
) {
  const sol = l.solution;
  const res = solutionRes(sol, l.signup, l.challenge);
  const mayAttach = can(actor, 'solution', 'view_attachments', res);
  const gated = posterSide(actor, l);
  const accepted = gated && actor ? await hasAccepted(db, l.challenge.id, actor.id, 'poster') : false;
  const open = mayAttach && (!gated || accepted);
  // The taker's own actions, only those the commands would take now: nothing once agreed on; saving
  // and submitting only while the need is open for taking; withdrawing until agreed on.
  const isOwner = can(actor, 'solution', 'edit', res) && !agreed(sol.decision);
  const takingOpen = openForTaking(l.challenge);
  const actions: string[] = isOwner
    ? [
        ...(takingOpen ? ['edit'] : []),
        ...availableTransitions(SOLUTION_WORKFLOW, sol.state, actor, { isOwner, inRegion: false }).filter(
          (a) => takingOpen || a !== 'submit',
        ),
      ]
    : [];
  if (gated && mayAttach && !accepted) actions.push('accept_confidentiality');
  if (can(actor, 'solution', 'access_log', res)) actions.push('access_log');
  if (can(actor, 'solution', 'message', res)) actions.push('message');
  if (actor) actions.push(...engagementActions(actor, { ...l, solutionRes: res }));
  const { attachmentIds, ...content } = sol.content;
  return {
    id: sol.id,
    signupId: sol.signupId,
    challengeId: sol.challengeId,
    challengeTitle: l.challenge.title,
    takerKind: l.signup.takerKind,
    teamName: l.signup.teamName,
    team: confirmedTeam(l.signup),
    state: sol.state,
    revision: sol.revision,
    content,
    attachmentCount: attachmentIds.length,
    attachments: open ? await presentFiles(db, attachmentIds) : null,
    createdAt: sol.createdAt,
    updatedAt: sol.updatedAt,
    submittedAt: sol.submittedAt,
    withdrawnAt: sol.withdrawnAt,
    /** 对接: the poster's decision; a rejection's reason is shown to the taker. */
    decision: sol.decision,
    decisionReason: sol.decisionReason,
    posterConfirmedAt: sol.posterConfirmedAt,
    takerConfirmedAt: sol.takerConfirmedAt,
    actions,
  };
}

function confirmedTeam(s: SignupRecord) {
  return s.members
    .filter((m) => m.state === 'confirmed')
    .map((m) => ({ userId: m.userId, name: m.name, role: m.role }));
}
