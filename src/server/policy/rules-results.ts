import type { Role } from '../../shared/roles.js';
import type { Actor } from './actor.js';
import type { ResourceType, Rule } from './rules.js';

/*
 * The policy rows of 揭榜成果公布, events and certificates (seed 002 §四/§五), part of the one policy table
 * (rules.ts spreads RESULTS_RULES into RULES). The municipal office manages announcements, events and
 * competition recommendations; a district office reads the announcements naming a party of its district and
 * the events held for it or city-wide; the public reads only published announcements (the public routes query
 * `state = 'published'` themselves, anonymous callers being outside this table); a certificate is its holder's
 * (whether an account may have one is decided from the database: linked to the event, or a party of the match).
 * Anyone else: 404.
 */

export interface ResultsResources {
  results_announcement: { id: number; state: string; regionIds: number[] };
  results_event: { id: number; regionId: number | null };
  certificate: { id: number; userId: number };
}

const PEOPLE: readonly Role[] = ['unit', 'individual'];
const inRegions = (a: Actor, r: ResultsResources['results_announcement']): boolean =>
  a.regionId !== null && r.regionIds.includes(a.regionId);

function rule<T extends ResourceType>(r: Rule<T>): Rule {
  return r as unknown as Rule;
}

export const RESULTS_RULES: readonly Rule[] = [
  rule({
    resource: 'results_announcement',
    action: 'list',
    typeLevel: true,
    roles: ['municipal_officer', 'district_officer'],
  }),
  rule({ resource: 'results_announcement', action: 'create', typeLevel: true, roles: ['municipal_officer'] }),
  rule({ resource: 'results_announcement', action: 'view', roles: ['municipal_officer'] }),
  rule({
    resource: 'results_announcement',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: inRegions,
  }),
  // Published announcements are public: every signed-in role reads them too (the portal serves anonymous visitors).
  rule({
    resource: 'results_announcement',
    action: 'view',
    roles: [...PEOPLE, 'expert', 'national_reviewer'],
    when: (_a, r) => r.state === 'published',
  }),
  rule({
    resource: 'results_announcement',
    action: 'edit',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'draft',
  }),
  rule({
    resource: 'results_announcement',
    action: 'publish',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'draft',
  }),
  rule({
    resource: 'results_announcement',
    action: 'withdraw',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'published',
  }),
  rule({
    resource: 'results_announcement',
    action: 'export',
    roles: ['municipal_officer'],
  }),
  rule({
    resource: 'results_announcement',
    action: 'export',
    roles: ['district_officer'],
    scope: 'own_region',
    when: inRegions,
  }),

  // Events (活动) and competition recommendations (推荐参加创新创业大赛).
  rule({
    resource: 'results_event',
    action: 'list',
    typeLevel: true,
    roles: ['municipal_officer', 'district_officer'],
  }),
  rule({ resource: 'results_event', action: 'create', typeLevel: true, roles: ['municipal_officer'] }),
  rule({ resource: 'results_event', action: 'recommend', typeLevel: true, roles: ['municipal_officer'] }),
  rule({ resource: 'results_event', action: 'view', roles: ['municipal_officer'] }),
  rule({
    resource: 'results_event',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => r.regionId === null || (a.regionId !== null && a.regionId === r.regionId),
  }),
  rule({ resource: 'results_event', action: 'edit', roles: ['municipal_officer'] }),

  // Certificates (我的证明): the holder downloads; the list is one's own.
  rule({ resource: 'certificate', action: 'list_mine', typeLevel: true, roles: PEOPLE }),
  rule({
    resource: 'certificate',
    action: 'view',
    roles: PEOPLE,
    scope: 'self',
    when: (a, r) => a.id === r.userId,
  }),
];
