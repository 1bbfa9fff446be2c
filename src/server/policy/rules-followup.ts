import type { Role } from '../../shared/roles.js';
import type { Actor } from './actor.js';
import type { ResourceType, Rule } from './rules.js';

/*
 * The policy rows of 项目跟踪 (seed 002 §五(二)), part of the one policy table (rules.ts spreads FOLLOWUP_RULES
 * into RULES): the parties of a match follow their project (milestones, progress reports); the district office
 * of the poster's or the taker's unit reads it and writes outcome reports to the city; the municipal office
 * reads everything and acknowledges or returns the submitted reports. Anyone else: 404.
 */

export interface FollowupResources {
  followup_project: {
    id: number;
    /** Every account on either side (poster account, leader, confirmed members). */
    partyUserIds: number[];
    /** The poster unit and the taking unit (their accounts are parties too). */
    partyUnitIds: number[];
    /** The districts of the poster's and the taker's side. */
    regionIds: number[];
  };
  outcome_report: { id: number; regionId: number; state: string };
}

const isParty = (a: Actor, r: FollowupResources['followup_project']): boolean =>
  r.partyUserIds.includes(a.id) || (a.unitId !== null && r.partyUnitIds.includes(a.unitId));
const inRegions = (a: Actor, r: FollowupResources['followup_project']): boolean =>
  a.regionId !== null && r.regionIds.includes(a.regionId);
const ownReport = (a: Actor, r: FollowupResources['outcome_report']): boolean =>
  a.regionId !== null && a.regionId === r.regionId;
const PEOPLE: readonly Role[] = ['unit', 'individual'];

function rule<T extends ResourceType>(r: Rule<T>): Rule {
  return r as unknown as Rule;
}

export const FOLLOWUP_RULES: readonly Rule[] = [
  rule({
    resource: 'followup_project',
    action: 'list',
    typeLevel: true,
    roles: ['unit', 'individual', 'district_officer', 'municipal_officer'],
  }),
  rule({ resource: 'followup_project', action: 'view', roles: PEOPLE, scope: 'self', when: isParty }),
  rule({
    resource: 'followup_project',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: inRegions,
  }),
  rule({ resource: 'followup_project', action: 'view', roles: ['municipal_officer'] }),
  // The parties keep the milestones and write progress reports.
  rule({
    resource: 'followup_project',
    action: 'edit_milestones',
    roles: PEOPLE,
    scope: 'self',
    when: isParty,
  }),
  rule({ resource: 'followup_project', action: 'report', roles: PEOPLE, scope: 'self', when: isParty }),
  // The district office writes outcome reports on the projects of its district.
  rule({
    resource: 'followup_project',
    action: 'write_outcome',
    roles: ['district_officer'],
    scope: 'own_region',
    when: inRegions,
  }),

  // Outcome reports (成果报告): the writing district office; the city once submitted.
  rule({
    resource: 'outcome_report',
    action: 'list',
    typeLevel: true,
    roles: ['district_officer', 'municipal_officer'],
  }),
  rule({ resource: 'outcome_report', action: 'export', typeLevel: true, roles: ['municipal_officer'] }),
  rule({
    resource: 'outcome_report',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: ownReport,
  }),
  rule({
    resource: 'outcome_report',
    action: 'view',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
  rule({
    resource: 'outcome_report',
    action: 'edit',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => ownReport(a, r) && (r.state === 'draft' || r.state === 'returned'),
  }),
  rule({
    resource: 'outcome_report',
    action: 'submit',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => ownReport(a, r) && (r.state === 'draft' || r.state === 'returned'),
  }),
  rule({
    resource: 'outcome_report',
    action: 'acknowledge',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'submitted',
  }),
  rule({
    resource: 'outcome_report',
    action: 'return',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'submitted',
  }),
];
