import type { Transition } from '../../core/workflow.js';

/** States of a posting (张榜需求). `submitted` waits for the municipal review. */
export const CHALLENGE_STATES = [
  'draft',
  'submitted',
  'national_review',
  'returned',
  'published',
  'closed',
  'rejected',
  'withdrawn',
] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

export const CHALLENGE_ACTIONS = [
  'submit',
  'withdraw',
  'municipal_approve',
  'municipal_publish',
  'municipal_return',
  'municipal_reject',
  'national_publish',
  'national_return',
  'national_reject',
  'close',
] as const;
export type ChallengeAction = (typeof CHALLENGE_ACTIONS)[number];

/**
 * Seed 002 §三(二): the poster posts, the municipal bureau reviews, then the national ministry, before
 * publication. `municipal_approve` (to national review) exists while the national level is on;
 * `municipal_publish` (straight to the hall) while it is off — see `challengeWorkflow`.
 */
export const CHALLENGE_WORKFLOW: readonly Transition<ChallengeState, ChallengeAction>[] = [
  {
    action: 'submit',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'none',
  },
  {
    action: 'withdraw',
    from: ['draft', 'submitted', 'returned', 'national_review'],
    to: 'withdrawn',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'optional',
  },
  {
    action: 'municipal_approve',
    from: ['submitted'],
    to: 'national_review',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'optional',
  },
  {
    action: 'municipal_publish',
    from: ['submitted'],
    to: 'published',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'optional',
  },
  {
    action: 'municipal_return',
    from: ['submitted'],
    to: 'returned',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
  {
    action: 'municipal_reject',
    from: ['submitted'],
    to: 'rejected',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
  {
    action: 'national_publish',
    from: ['national_review'],
    to: 'published',
    roles: ['national_reviewer'],
    scope: 'any',
    opinion: 'optional',
  },
  {
    action: 'national_return',
    from: ['national_review'],
    to: 'returned',
    roles: ['national_reviewer'],
    scope: 'any',
    opinion: 'required',
  },
  {
    action: 'national_reject',
    from: ['national_review'],
    to: 'rejected',
    roles: ['national_reviewer'],
    scope: 'any',
    opinion: 'required',
  },
  {
    action: 'close',
    from: ['published'],
    to: 'closed',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'optional',
  },
];

/** The table in force: with the national level on, the municipal office approves; off, it publishes. */
export function challengeWorkflow(
  nationalReview: boolean,
): readonly Transition<ChallengeState, ChallengeAction>[] {
  const skip: ChallengeAction = nationalReview ? 'municipal_publish' : 'municipal_approve';
  return CHALLENGE_WORKFLOW.filter((t) => t.action !== skip);
}

/** States the public hall shows. */
export const HALL_STATES: readonly ChallengeState[] = ['published', 'closed'];
