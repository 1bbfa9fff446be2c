import type { Transition } from '../../core/workflow.js';

/** States of a station application (设站申报). */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'certified',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = [
  'submit',
  'withdraw',
  'return',
  'recommend',
  'district_reject',
  'certify',
  'municipal_reject',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * Seed 000 §二: the unit applies, its district office reviews and recommends (or returns it for
 * correction, or rejects it), the municipal office certifies (or rejects) in a batch. Guards that need
 * the database (eligibility, sealed scan, one open application, batch membership) are in commands.ts.
 */
export const APPLICATION_WORKFLOW: readonly Transition<ApplicationState, ApplicationAction>[] = [
  {
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['unit'],
    scope: 'owner',
    opinion: 'none',
  },
  {
    action: 'withdraw',
    from: ['submitted', 'returned', 'recommended'],
    to: 'withdrawn',
    roles: ['unit'],
    scope: 'owner',
    opinion: 'optional',
  },
  {
    action: 'return',
    from: ['submitted'],
    to: 'returned',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'required',
  },
  {
    action: 'recommend',
    from: ['submitted'],
    to: 'recommended',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'required',
  },
  {
    action: 'district_reject',
    from: ['submitted'],
    to: 'rejected',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'required',
  },
  {
    action: 'certify',
    from: ['recommended'],
    to: 'certified',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
  {
    action: 'municipal_reject',
    from: ['recommended'],
    to: 'rejected',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
];

/** Applications in these states block a new one from the same unit. */
export const OPEN_STATES: readonly ApplicationState[] = ['draft', 'submitted', 'returned', 'recommended'];
