import type { Role } from '../../shared/roles.js';
import type { Actor } from './actor.js';
import { TAKING_RULES, type TakingResources } from './rules-taking.js';
import { FOLLOWUP_RULES, type FollowupResources } from './rules-followup.js';
import { RESULTS_RULES, type ResultsResources } from './rules-results.js';
import { REVIEW_RULES, type ReviewResources } from './rules-reviews.js';
import { ORGANISER_RULES, type OrganiserResources } from './rules-organiser.js';

/**
 * The policy table: which role may do which action on which kind of resource, with an optional
 * condition on the resource (region, ownership). It is data: the API, the UI's buttons (through each
 * entity's `actions`), the security admin's matrix page and the docs all read this one table.
 */
/** The areas' own resources come from their rules-*.ts files. */
export interface ResourceMap
  extends TakingResources, FollowupResources, ResultsResources, ReviewResources, OrganiserResources {
  account: { id: number; role: Role; regionId: number | null; unitId: number | null };
  unit: { id: number; regionId: number };
  region: { id: number; kind: 'municipal' | 'district' };
  audit: Record<string, never>;
  security_settings: Record<string, never>;
  system_settings: Record<string, never>;
  policy_matrix: Record<string, never>;
  file: { ownerUserId: number; unitId: number | null; regionId: number | null };
  application: { id: number; unitId: number; regionId: number; state: string };
  cert_batch: Record<string, never>;
  station: { id: number; unitId: number; regionId: number };
  stats: Record<string, never>;
  challenge: {
    id: number;
    posterUserId: number;
    unitId: number | null;
    state: string;
    reachedNational: boolean;
  };
  challenge_terms: Record<string, never>;
  challenge_settings: Record<string, never>;
  agreement: { id: number; partyUserIds: number[]; regionId: number | null; state: string };
  agreement_template: Record<string, never>;
}
export type ResourceType = keyof ResourceMap;

export interface Rule<T extends ResourceType = ResourceType> {
  resource: T;
  action: string;
  roles: readonly Role[];
  /** An action on the kind of resource (list, create …), not on one instance: never in an entity's `actions`. */
  typeLevel?: boolean;
  /** Human description of the condition, shown in the matrix. */
  scope?: 'own_region' | 'own_unit' | 'self' | 'non_operator';
  when?: (actor: Actor, res: ResourceMap[T]) => boolean;
}

const inOwnRegion = (a: Actor, regionId: number | null): boolean =>
  a.regionId !== null && a.regionId === regionId;
const isPoster = (a: Actor, r: ResourceMap['challenge']): boolean =>
  a.id === r.posterUserId || (r.unitId !== null && a.unitId === r.unitId);
const OPERATORS: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin'];

function rule<T extends ResourceType>(r: Rule<T>): Rule {
  return r as unknown as Rule;
}

export const RULES: readonly Rule[] = [
  // Accounts: the system admin creates and maintains accounts; the security admin sets roles and
  // unlocks; nobody edits their own role. Every account may see itself.
  rule({ resource: 'account', action: 'view', roles: ['sys_admin', 'sec_admin'] }),
  rule({
    resource: 'account',
    action: 'view',
    roles: [
      'unit',
      'individual',
      'district_officer',
      'municipal_officer',
      'national_reviewer',
      'expert',
      'audit_admin',
    ],
    scope: 'self',
    when: (a, r) => a.id === r.id,
  }),
  rule({ resource: 'account', action: 'list', typeLevel: true, roles: ['sys_admin', 'sec_admin'] }),
  rule({ resource: 'account', action: 'create', typeLevel: true, roles: ['sys_admin'] }),
  rule({
    resource: 'account',
    action: 'reset_password',
    roles: ['sys_admin'],
    when: (a, r) => a.id !== r.id,
  }),
  rule({ resource: 'account', action: 'disable', roles: ['sys_admin'], when: (a, r) => a.id !== r.id }),
  rule({ resource: 'account', action: 'enable', roles: ['sys_admin'], when: (a, r) => a.id !== r.id }),
  rule({
    resource: 'account',
    action: 'change_role',
    roles: ['sec_admin'],
    scope: 'non_operator',
    // 三员分立: the security admin assigns business staff roles only; the operator accounts are the
    // system admin's to create, and nobody changes their own role.
    when: (a, r) => a.id !== r.id && !['unit', 'individual', ...OPERATORS].includes(r.role),
  }),
  rule({ resource: 'account', action: 'unlock', roles: ['sec_admin'] }),

  // Units: their own staff, their district office, and the municipal office.
  rule({ resource: 'unit', action: 'view', roles: ['municipal_officer'] }),
  rule({
    resource: 'unit',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId),
  }),
  rule({
    resource: 'unit',
    action: 'view',
    roles: ['unit'],
    scope: 'own_unit',
    when: (a, r) => a.unitId === r.id,
  }),
  rule({
    resource: 'unit',
    action: 'list',
    typeLevel: true,
    roles: ['municipal_officer', 'district_officer'],
  }),
  rule({
    resource: 'unit',
    action: 'update',
    roles: ['unit'],
    scope: 'own_unit',
    when: (a, r) => a.unitId === r.id,
  }),

  // Regions are public; a district office edits its own service guide, the municipal office any.
  rule({ resource: 'region', action: 'update_guide', roles: ['municipal_officer'] }),
  rule({
    resource: 'region',
    action: 'update_guide',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => a.regionId === r.id,
  }),

  // Uploaded files: the uploader, its unit, the unit's district office and the municipal office.
  rule({
    resource: 'file',
    action: 'view',
    roles: ['unit', 'individual'],
    scope: 'own_unit',
    when: (a, r) => a.id === r.ownerUserId || (r.unitId !== null && a.unitId === r.unitId),
  }),
  rule({
    resource: 'file',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId),
  }),
  rule({ resource: 'file', action: 'view', roles: ['municipal_officer'] }),
  rule({ resource: 'file', action: 'upload', typeLevel: true, roles: ['unit', 'individual'] }),

  // Station applications (设站申报): drafts are the unit's own; once submitted, its district office
  // and the municipal office see them. Workflow actions are in modules/stations/workflow.ts.
  rule({
    resource: 'application',
    action: 'view',
    roles: ['unit'],
    scope: 'own_unit',
    when: (a, r) => a.unitId === r.unitId,
  }),
  rule({
    resource: 'application',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId) && r.state !== 'draft',
  }),
  rule({
    resource: 'application',
    action: 'view',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
  rule({ resource: 'application', action: 'create', typeLevel: true, roles: ['unit'] }),
  rule({
    resource: 'application',
    action: 'list',
    typeLevel: true,
    roles: ['unit', 'district_officer', 'municipal_officer'],
  }),
  rule({
    resource: 'application',
    action: 'edit',
    roles: ['unit'],
    scope: 'own_unit',
    when: (a, r) => a.unitId === r.unitId && (r.state === 'draft' || r.state === 'returned'),
  }),
  rule({ resource: 'cert_batch', action: 'manage', typeLevel: true, roles: ['municipal_officer'] }),

  // Stations: public in the list; their records and certificate to the unit, its district, the city.
  rule({ resource: 'station', action: 'view', roles: ['municipal_officer'] }),
  rule({
    resource: 'station',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId),
  }),
  rule({
    resource: 'station',
    action: 'view',
    roles: ['unit'],
    scope: 'own_unit',
    when: (a, r) => a.unitId === r.unitId,
  }),
  rule({
    resource: 'station',
    action: 'list',
    typeLevel: true,
    roles: ['municipal_officer', 'district_officer', 'unit'],
  }),
  rule({
    resource: 'station',
    action: 'record_recruit',
    roles: ['unit'],
    scope: 'own_unit',
    when: (a, r) => a.unitId === r.unitId,
  }),
  rule({ resource: 'station', action: 'see_full_id', roles: ['municipal_officer'] }),
  rule({ resource: 'station', action: 'set_cultivation', roles: ['municipal_officer'] }),
  rule({ resource: 'station', action: 'deregister', roles: ['municipal_officer'] }),
  rule({ resource: 'station', action: 'decide_deregistration', roles: ['municipal_officer'] }),
  rule({ resource: 'station', action: 'run_adjustment', typeLevel: true, roles: ['municipal_officer'] }),
  // Importing the city's existing stations from Excel (seed 000 §四/§五).
  rule({ resource: 'station', action: 'import', typeLevel: true, roles: ['municipal_officer'] }),

  // Dashboard statistics: the municipal office city-wide, a district office only its own district
  // (the queries are narrowed with regionScope).
  rule({ resource: 'stats', action: 'read', typeLevel: true, roles: ['municipal_officer'] }),
  rule({
    resource: 'stats',
    action: 'read',
    typeLevel: true,
    roles: ['district_officer'],
    scope: 'own_region',
  }),

  // 揭榜领题 postings: the poster (the account, or any account of the posting unit) sees its own; the
  // municipal office everything submitted; the national reviewer what reached its level. The same people,
  // and no one else, receive the confidential part. Workflow actions are in modules/challenges/workflow.ts.
  rule({
    resource: 'challenge',
    action: 'view',
    roles: ['unit', 'individual'],
    scope: 'self',
    when: (a, r) => isPoster(a, r),
  }),
  rule({
    resource: 'challenge',
    action: 'view',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
  rule({
    resource: 'challenge',
    action: 'view',
    roles: ['national_reviewer'],
    when: (_a, r) => r.reachedNational,
  }),
  rule({
    resource: 'challenge',
    action: 'view_confidential',
    roles: ['unit', 'individual'],
    scope: 'self',
    when: (a, r) => isPoster(a, r),
  }),
  rule({
    resource: 'challenge',
    action: 'view_confidential',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state !== 'draft',
  }),
  rule({
    resource: 'challenge',
    action: 'view_confidential',
    roles: ['national_reviewer'],
    when: (_a, r) => r.reachedNational,
  }),
  rule({
    resource: 'challenge',
    action: 'edit',
    roles: ['unit', 'individual'],
    scope: 'self',
    when: (a, r) => isPoster(a, r) && (r.state === 'draft' || r.state === 'returned'),
  }),
  rule({ resource: 'challenge', action: 'create', typeLevel: true, roles: ['unit', 'individual'] }),
  rule({ resource: 'challenge', action: 'list_mine', typeLevel: true, roles: ['unit', 'individual'] }),
  rule({
    resource: 'challenge',
    action: 'review_queue',
    typeLevel: true,
    roles: ['municipal_officer', 'national_reviewer'],
  }),
  rule({ resource: 'challenge_terms', action: 'manage', typeLevel: true, roles: ['municipal_officer'] }),
  rule({
    resource: 'challenge_settings',
    action: 'read',
    typeLevel: true,
    roles: ['municipal_officer', 'sys_admin'],
  }),
  rule({ resource: 'challenge_settings', action: 'update', typeLevel: true, roles: ['sys_admin'] }),

  // Agreements (签署及备案): the parties see and sign their own; the municipal office sees, files and
  // cancels any; a district office sees and files those of its district. Workflow actions (order,
  // state) are in modules/agreements/workflow.ts; the templates are the municipal office's.
  rule({
    resource: 'agreement',
    action: 'view',
    roles: ['unit', 'individual'],
    scope: 'self',
    when: (a, r) => r.partyUserIds.includes(a.id),
  }),
  rule({ resource: 'agreement', action: 'view', roles: ['municipal_officer'] }),
  rule({
    resource: 'agreement',
    action: 'view',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId),
  }),
  rule({
    resource: 'agreement',
    action: 'sign',
    roles: ['unit', 'individual'],
    scope: 'self',
    when: (a, r) => r.partyUserIds.includes(a.id) && r.state === 'signing',
  }),
  rule({
    resource: 'agreement',
    action: 'decline',
    roles: ['unit', 'individual'],
    scope: 'self',
    when: (a, r) => r.partyUserIds.includes(a.id) && r.state === 'signing',
  }),
  rule({
    resource: 'agreement',
    action: 'file',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'signed',
  }),
  rule({
    resource: 'agreement',
    action: 'file',
    roles: ['district_officer'],
    scope: 'own_region',
    when: (a, r) => inOwnRegion(a, r.regionId) && r.state === 'signed',
  }),
  rule({
    resource: 'agreement',
    action: 'cancel',
    roles: ['municipal_officer'],
    when: (_a, r) => r.state === 'signing' || r.state === 'signed',
  }),
  rule({ resource: 'agreement', action: 'create', typeLevel: true, roles: ['municipal_officer'] }),
  rule({ resource: 'agreement', action: 'list_mine', typeLevel: true, roles: ['unit', 'individual'] }),
  rule({
    resource: 'agreement',
    action: 'register',
    typeLevel: true,
    roles: ['municipal_officer', 'district_officer'],
  }),
  rule({
    resource: 'agreement_template',
    action: 'read',
    typeLevel: true,
    roles: ['municipal_officer', 'district_officer'],
  }),
  rule({ resource: 'agreement_template', action: 'manage', typeLevel: true, roles: ['municipal_officer'] }),

  // 揭榜 (sign-ups, solutions, access log), 项目跟踪, 揭榜成果公布 and certificates, 专家评审: each area's file.
  ...TAKING_RULES,
  ...FOLLOWUP_RULES,
  ...RESULTS_RULES,
  ...REVIEW_RULES,
  ...ORGANISER_RULES,

  // 三员分立: the audit admin reads the trail and changes nothing else.
  rule({ resource: 'audit', action: 'read', roles: ['audit_admin'] }),
  rule({ resource: 'audit', action: 'verify', roles: ['audit_admin'] }),
  rule({ resource: 'security_settings', action: 'read', roles: ['sec_admin', 'sys_admin'] }),
  rule({ resource: 'security_settings', action: 'update', roles: ['sec_admin'] }),
  rule({ resource: 'system_settings', action: 'read', roles: ['sys_admin'] }),
  rule({ resource: 'system_settings', action: 'update', roles: ['sys_admin'] }),
  rule({ resource: 'policy_matrix', action: 'read', roles: ['sec_admin', 'audit_admin'] }),
];

export const isOperator = (role: Role): boolean => OPERATORS.includes(role);
