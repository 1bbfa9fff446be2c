import type { Transition } from '../../core/workflow.js';
import type { MemberState, SignupState, SolutionState } from '../../../shared/taking/solution.js';

/*
 * The state machines of 揭榜 as data (seed 002 §三(三)). Every transition is compare-and-set on the state in
 * the commands; `owner` means the one acting for the taker (the leader, or an account of the taking unit),
 * or for MEMBER_WORKFLOW the invited person.
 */

export const SIGNUP_ACTIONS = ['withdraw'] as const;
export type SignupAction = (typeof SIGNUP_ACTIONS)[number];

/** A sign-up is created `active` (POST /api/challenges/:id/signups) and may be withdrawn. */
export const SIGNUP_WORKFLOW: readonly Transition<SignupState, SignupAction>[] = [
  {
    action: 'withdraw',
    from: ['active'],
    to: 'withdrawn',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'optional',
  },
];

export const MEMBER_ACTIONS = ['confirm', 'decline'] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/** A team member is invited by account and answers once. */
export const MEMBER_WORKFLOW: readonly Transition<MemberState, MemberAction>[] = [
  {
    action: 'confirm',
    from: ['invited'],
    to: 'confirmed',
    roles: ['individual'],
    scope: 'owner',
    opinion: 'none',
  },
  {
    action: 'decline',
    from: ['invited'],
    to: 'declined',
    roles: ['individual'],
    scope: 'owner',
    opinion: 'none',
  },
];

export const SOLUTION_ACTIONS = ['submit', 'withdraw'] as const;
export type SolutionAction = (typeof SOLUTION_ACTIONS)[number];

/**
 * A solution is drafted, submitted before the deadline, replaced (saved again while `submitted`, up to the
 * deadline), or withdrawn; after a withdrawal the sign-up may start a new one.
 */
export const SOLUTION_WORKFLOW: readonly Transition<SolutionState, SolutionAction>[] = [
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'none',
  },
  {
    action: 'withdraw',
    from: ['draft', 'submitted'],
    to: 'withdrawn',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'optional',
  },
];

/** The poster's decision on a submitted solution (对接), seed 002 §三(三): "双方对是否同意揭榜方案予以确定". */
export const DECISIONS = ['pending', 'shortlisted', 'proposed', 'matched', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ENGAGEMENT_ACTIONS = [
  'shortlist',
  'reject',
  'propose_match',
  'confirm_match',
  'decline_match',
] as const;
export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];

/**
 * The poster shortlists, rejects with a reason (shown to the taker) or proposes the match — its own
 * confirmation; the taker then confirms (对接成功, both sides having confirmed) or declines with a reason,
 * which returns the solution to the shortlist. `owner` here is the poster's side for the poster's actions
 * and the taker's side for the taker's; the policy rows `decide` and `confirm_match` say which.
 */
export const ENGAGEMENT_WORKFLOW: readonly Transition<Decision, EngagementAction>[] = [
  {
    action: 'shortlist',
    from: ['pending'],
    to: 'shortlisted',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'optional',
  },
  {
    action: 'reject',
    from: ['pending', 'shortlisted', 'proposed'],
    to: 'rejected',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'required',
  },
  {
    action: 'propose_match',
    from: ['pending', 'shortlisted'],
    to: 'proposed',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'optional',
  },
  {
    action: 'confirm_match',
    from: ['proposed'],
    to: 'matched',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'optional',
  },
  {
    action: 'decline_match',
    from: ['proposed'],
    to: 'shortlisted',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'required',
  },
];

/** Which side takes each engagement action (the policy action that authorises it). */
export const ENGAGEMENT_SIDE: Record<EngagementAction, 'decide' | 'confirm_match'> = {
  shortlist: 'decide',
  reject: 'decide',
  propose_match: 'decide',
  confirm_match: 'confirm_match',
  decline_match: 'confirm_match',
};
