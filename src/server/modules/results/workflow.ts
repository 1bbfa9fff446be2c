import type { Transition } from '../../core/workflow.js';
import type { AnnouncementState } from '../../../shared/results/rules.js';

/*
 * 揭榜成果公告 (seed 002 §四): the municipal office compiles a draft (editable only while a draft), publishes it
 * (then it is public and the parties it names are told), and may withdraw a published one with a reason.
 * Every transition is compare-and-set on the state.
 */
export const ANNOUNCEMENT_ACTIONS = ['publish', 'withdraw'] as const;
export type AnnouncementAction = (typeof ANNOUNCEMENT_ACTIONS)[number];

export const ANNOUNCEMENT_WORKFLOW: readonly Transition<AnnouncementState, AnnouncementAction>[] = [
  {
    action: 'publish',
    from: ['draft'],
    to: 'published',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'none',
  },
  {
    action: 'withdraw',
    from: ['published'],
    to: 'withdrawn',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
];
