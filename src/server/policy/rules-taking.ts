import type { Role } from '../../shared/roles.js';
import type { Actor } from './actor.js';
import type { ResourceMap, ResourceType, Rule } from './rules.js';

/*
 * The policy rows of 揭榜 (sign-ups, team invitations, solutions, the confidential-access log), part of the
 * one policy table (rules.ts spreads TAKING_RULES into RULES). Kept in their own file so rules.ts stays short.
 * The confidentiality gate itself needs the database (has this account accepted the 保密书 for this need?),
 * so the commands check it after these rows.
 */

/** Who stands on each side of a sign-up: enough for every condition below. */
export interface TakingParties {
  leaderUserId: number;
  /** The taking unit (a legal entity taking a commercialisation need), or null. */
  takerUnitId: number | null;
  /** The leader and the members who confirmed. */
  memberUserIds: number[];
  posterUserId: number;
  posterUnitId: number | null;
  regionId: number;
}

export interface TakingResources {
  signup: TakingParties & {
    id: number;
    challengeId: number;
    takerKind: string;
    invitedUserIds: number[];
    state: string;
  };
  solution: TakingParties & { id: number; signupId: number; state: string; decision: string };
}

/** The leader, or any account of the taking unit: who acts for the taker. */
const actsForTaker = (a: Actor, r: TakingParties): boolean =>
  a.id === r.leaderUserId || (r.takerUnitId !== null && a.unitId === r.takerUnitId);
/** The taker's side: those who act for it and the confirmed members. */
const takerSide = (a: Actor, r: TakingParties): boolean =>
  actsForTaker(a, r) || r.memberUserIds.includes(a.id);
const posterSide = (a: Actor, r: TakingParties): boolean =>
  a.id === r.posterUserId || (r.posterUnitId !== null && a.unitId === r.posterUnitId);
const inOwnRegion = (a: Actor, regionId: number): boolean => a.regionId !== null && a.regionId === regionId;
const isPoster = (a: Actor, r: ResourceMap['challenge']): boolean =>
  a.id === r.posterUserId || (r.unitId !== null && a.unitId === r.unitId);
const PEOPLE: readonly Role[] = ['unit', 'individual'];

function rule<T extends ResourceType>(r: Rule<T>): Rule {
  return r as unknown as Rule;
}

export const TAKING_RULES: readonly Rule[] = [
  // Sign-ups (揭榜报名): the taker's side, the invited, the poster's side; the municipal office all, a
  // district office those of needs in its district.
  rule({
    resource: 'signup',
    action: 'view',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => takerSide(a, r) || r.invitedUserIds.includes(a.id) || posterSide(a, r),
  }),
  rule({ resource: 'signup', action: 'view', roles: ['municipal_officer'] }),
  rule({
    resource: 'signup',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId),
  }),
  rule({
    resource: 'signup',
    action: 'withdraw',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => actsForTaker(a, r) && r.state === 'active',
  }),
  rule({
    resource: 'signup',
    action: 'invite',
    roles: ['individual'],
    scope: 'self',
    when: (a, r) => a.id === r.leaderUserId && r.takerKind === 'team' && r.state === 'active',
  }),
  rule({
    resource: 'signup',
    action: 'respond',
    roles: ['individual'],
    scope: 'self',
    when: (a, r) => r.invitedUserIds.includes(a.id) && r.state === 'active',
  }),
  rule({
    resource: 'signup',
    action: 'accept_confidentiality',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => takerSide(a, r) && r.state === 'active',
  }),
  rule({
    resource: 'signup',
    action: 'create_solution',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => actsForTaker(a, r) && r.state === 'active',
  }),
  rule({ resource: 'signup', action: 'create', typeLevel: true, roles: PEOPLE }),
  rule({ resource: 'signup', action: 'list_mine', typeLevel: true, roles: PEOPLE }),

  // Solutions (揭榜方案): the taker's side always; the poster's side and the offices once submitted.
  // Attachments need the poster's 保密书 besides (checked by the command), and every download is logged.
  rule({ resource: 'solution', action: 'view', roles: PEOPLE, scope: 'self', when: takerSide }),
  rule({
    resource: 'solution',
    action: 'view',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => posterSide(a, r) && r.state === 'submitted',
  }),
  rule({
    resource: 'solution',
    action: 'view',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
  rule({
    resource: 'solution',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId) && r.state !== 'draft',
  }),
  rule({
    resource: 'solution',
    action: 'edit',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => actsForTaker(a, r) && (r.state === 'draft' || r.state === 'submitted'),
  }),
  rule({
    resource: 'solution',
    action: 'view_attachments',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => takerSide(a, r) || (posterSide(a, r) && r.state === 'submitted'),
  }),
  rule({
    resource: 'solution',
    action: 'view_attachments',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
  rule({ resource: 'solution', action: 'access_log', roles: PEOPLE, scope: 'self', when: actsForTaker }),

  // 对接: a thread per submitted solution between the two sides, which the municipal office reads and
  // joins; the poster decides (shortlist, reject with a reason, propose the match); the taker confirms.
  rule({
    resource: 'solution',
    action: 'message',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => r.state === 'submitted' && (takerSide(a, r) || posterSide(a, r)),
  }),
  rule({
    resource: 'solution',
    action: 'message',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'submitted',
  }),
  rule({
    resource: 'solution',
    action: 'decide',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => r.state === 'submitted' && posterSide(a, r),
  }),
  rule({
    resource: 'solution',
    action: 'confirm_match',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => r.state === 'submitted' && actsForTaker(a, r),
  }),

  // On the posting: its sign-ups and solutions, and who viewed its confidential part.
  rule({
    resource: 'challenge',
    action: 'list_signups',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => isPoster(a, r),
  }),
  rule({
    resource: 'challenge',
    action: 'list_signups',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
  rule({
    resource: 'challenge',
    action: 'accept_confidentiality',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => isPoster(a, r) && (r.state === 'published' || r.state === 'closed'),
  }),
  rule({
    resource: 'challenge',
    action: 'access_log',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => isPoster(a, r),
  }),
  rule({
    resource: 'challenge',
    action: 'access_log',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
];
