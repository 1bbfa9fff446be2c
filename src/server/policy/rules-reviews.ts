import type { Role } from '../../shared/roles.js';
import type { ResourceType, Rule } from './rules.js';

/*
 * The policy rows of 专家评审 (issue #8), part of the one policy table (rules.ts spreads REVIEW_RULES into
 * RULES). The municipal office keeps the expert pool and runs the rounds; an expert sees and scores only the
 * items assigned to them (and must first accept the year's declaration — a database check the commands make
 * after these rows); a taker reads the scores and anonymised comments of its own solution once the round is
 * closed. Anyone else: 404.
 */

export interface ReviewResources {
  review_expert: { userId: number };
  review_round: { id: number; state: string };
  review_assignment: { expertUserId: number; state: string; roundState: string };
  review_feedback: { takerUserIds: number[]; takerUnitId: number | null; roundState: string };
}

const OFFICE: readonly Role[] = ['municipal_officer'];
const PEOPLE: readonly Role[] = ['unit', 'individual'];

function rule<T extends ResourceType>(r: Rule<T>): Rule {
  return r as unknown as Rule;
}

export const REVIEW_RULES: readonly Rule[] = [
  rule({ resource: 'review_expert', action: 'list', typeLevel: true, roles: OFFICE }),
  rule({ resource: 'review_expert', action: 'create', typeLevel: true, roles: OFFICE }),
  rule({ resource: 'review_expert', action: 'view', roles: OFFICE }),
  rule({
    resource: 'review_expert',
    action: 'view',
    roles: ['expert'],
    scope: 'self',
    when: (a, r) => a.id === r.userId,
  }),
  rule({ resource: 'review_expert', action: 'edit', roles: OFFICE }),
  rule({ resource: 'review_expert', action: 'deactivate', roles: OFFICE }),
  // The expert's own work list (type level: the commands filter by the expert's own id).
  rule({ resource: 'review_assignment', action: 'list', typeLevel: true, roles: ['expert'] }),
  rule({
    resource: 'review_assignment',
    action: 'view',
    roles: ['expert'],
    scope: 'self',
    when: (a, r) => a.id === r.expertUserId && r.state === 'assigned',
  }),
  rule({
    resource: 'review_assignment',
    action: 'score',
    roles: ['expert'],
    scope: 'self',
    when: (a, r) => a.id === r.expertUserId && r.state === 'assigned' && r.roundState === 'scoring',
  }),
  rule({
    resource: 'review_assignment',
    action: 'recuse',
    roles: ['expert'],
    scope: 'self',
    when: (a, r) =>
      a.id === r.expertUserId && r.state === 'assigned' && ['assigning', 'scoring'].includes(r.roundState),
  }),
  rule({ resource: 'review_round', action: 'list', typeLevel: true, roles: OFFICE }),
  rule({ resource: 'review_round', action: 'create', typeLevel: true, roles: OFFICE }),
  rule({ resource: 'review_round', action: 'view', roles: OFFICE }),
  rule({
    resource: 'review_round',
    action: 'adjust',
    roles: OFFICE,
    when: (_a, r) => ['assigning', 'scoring'].includes(r.state),
  }),
  rule({ resource: 'review_round', action: 'remind', roles: OFFICE, when: (_a, r) => r.state === 'scoring' }),
  rule({ resource: 'review_round', action: 'results', roles: OFFICE, when: (_a, r) => r.state !== 'draft' }),
  rule({
    resource: 'review_feedback',
    action: 'view',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) =>
      r.roundState === 'closed' &&
      (r.takerUserIds.includes(a.id) || (r.takerUnitId !== null && a.unitId === r.takerUnitId)),
  }),
];
