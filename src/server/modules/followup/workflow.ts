import type { Transition } from '../../core/workflow.js';
import type { OutcomeState } from '../../../shared/followup/rules.js';

/*
 * The outcome report (成果报告) of a district office to the city, seed 002 §五(二) ("对接成功和研发成果信息要及时
 * 报送市人力资源社会保障局"): drafted and submitted by the district office, acknowledged by the municipal office or
 * returned with a comment (then corrected and submitted again). Transitions are compare-and-set on the state.
 */
export const OUTCOME_ACTIONS = ['submit', 'acknowledge', 'return'] as const;
export type OutcomeAction = (typeof OUTCOME_ACTIONS)[number];

export const OUTCOME_WORKFLOW: readonly Transition<OutcomeState, OutcomeAction>[] = [
  {
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'none',
  },
  {
    action: 'acknowledge',
    from: ['submitted'],
    to: 'acknowledged',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'optional',
  },
  {
    action: 'return',
    from: ['submitted'],
    to: 'returned',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
];
