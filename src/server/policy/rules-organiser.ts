import type { Role } from '../../shared/roles.js';
import type { Actor } from './actor.js';
import type { ResourceType, Rule } from './rules.js';

/*
 * The policy rows of the offices' organiser services (issue #6; seed 002 §三(一)): 核实 of postings and
 * sign-ups, the engagement overview, suggestions of a taker, and recommendations. The municipal office acts on
 * every need, a district office on the needs of its district; the owners of a verified entity read its state and
 * note; a suggested party reads and may decline its suggestion; the poster reads the suggestions and the
 * recommendations for its own need. Part of the one policy table (rules.ts spreads ORGANISER_RULES).
 */
export interface OrganiserResources {
  verification: { regionId: number; ownerUserIds: number[]; ownerUnitId: number | null; state: string };
  suggestion: {
    id: number;
    regionId: number;
    posterUserId: number;
    posterUnitId: number | null;
    candidateUserId: number | null;
    candidateUnitId: number | null;
    state: string;
  };
  engagement_overview: Record<string, never>;
  need_recommendations: { regionId: number; posterUserId: number; posterUnitId: number | null };
  my_recommendations: Record<string, never>;
}

const OFFICES: readonly Role[] = ['municipal_officer', 'district_officer'];
const PEOPLE: readonly Role[] = ['unit', 'individual'];
const inOwnRegion = (a: Actor, regionId: number): boolean => a.regionId !== null && a.regionId === regionId;
const office = (a: Actor, regionId: number): boolean =>
  a.role === 'municipal_officer' || inOwnRegion(a, regionId);
const isPoster = (a: Actor, r: { posterUserId: number; posterUnitId: number | null }): boolean =>
  a.id === r.posterUserId || (r.posterUnitId !== null && a.unitId === r.posterUnitId);
const isCandidate = (a: Actor, r: OrganiserResources['suggestion']): boolean =>
  a.id === r.candidateUserId || (r.candidateUnitId !== null && a.unitId === r.candidateUnitId);

function rule<T extends ResourceType>(r: Rule<T>): Rule {
  return r as unknown as Rule;
}

export const ORGANISER_RULES: readonly Rule[] = [
  rule({ resource: 'verification', action: 'list', typeLevel: true, roles: OFFICES }),
  rule({
    resource: 'verification',
    action: 'view',
    roles: OFFICES,
    scope: 'own_region',
    when: (a, r) => office(a, r.regionId),
  }),
  rule({
    resource: 'verification',
    action: 'view',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => r.ownerUserIds.includes(a.id) || (r.ownerUnitId !== null && a.unitId === r.ownerUnitId),
  }),
  rule({
    resource: 'verification',
    action: 'verify',
    roles: OFFICES,
    scope: 'own_region',
    when: (a, r) => office(a, r.regionId) && r.state !== 'verified',
  }),
  rule({
    resource: 'verification',
    action: 'question',
    roles: OFFICES,
    scope: 'own_region',
    when: (a, r) => office(a, r.regionId),
  }),

  rule({ resource: 'engagement_overview', action: 'list', typeLevel: true, roles: OFFICES }),
  rule({ resource: 'engagement_overview', action: 'export', typeLevel: true, roles: OFFICES }),

  rule({ resource: 'suggestion', action: 'create', typeLevel: true, roles: OFFICES }),
  rule({ resource: 'suggestion', action: 'list', typeLevel: true, roles: OFFICES }),
  rule({
    resource: 'suggestion',
    action: 'view',
    roles: OFFICES,
    scope: 'own_region',
    when: (a, r) => office(a, r.regionId),
  }),
  rule({
    resource: 'suggestion',
    action: 'view',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => isPoster(a, r) || isCandidate(a, r),
  }),
  rule({
    resource: 'suggestion',
    action: 'withdraw',
    roles: OFFICES,
    scope: 'own_region',
    when: (a, r) => office(a, r.regionId) && r.state === 'suggested',
  }),
  rule({
    resource: 'suggestion',
    action: 'decline',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => isCandidate(a, r) && r.state === 'suggested',
  }),

  rule({
    resource: 'need_recommendations',
    action: 'view',
    roles: OFFICES,
    scope: 'own_region',
    when: (a, r) => office(a, r.regionId),
  }),
  rule({ resource: 'need_recommendations', action: 'view', roles: PEOPLE, scope: 'self', when: isPoster }),
  rule({ resource: 'my_recommendations', action: 'view', typeLevel: true, roles: PEOPLE }),
];
