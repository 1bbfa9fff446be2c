import type { Transition } from '../../core/workflow.js';

/*
 * 专家评审轮次 (issue #8): the office drafts a round, computes the assignment (draft → assigning; computing
 * again stays in assigning), opens scoring once every item has its k experts, and closes the round — with a
 * reason when reviews are missing (checked by the command). Every transition is compare-and-set on the state.
 */
export const ROUND_STATES = ['draft', 'assigning', 'scoring', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_ACTIONS = ['assign', 'open_scoring', 'close'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

export const ROUND_WORKFLOW: readonly Transition<RoundState, RoundAction>[] = [
  {
    action: 'assign',
    from: ['draft', 'assigning'],
    to: 'assigning',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'none',
  },
  {
    action: 'open_scoring',
    from: ['assigning'],
    to: 'scoring',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'none',
  },
  {
    action: 'close',
    from: ['scoring'],
    to: 'closed',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'optional',
  },
];
