import type { Transition } from '../../core/workflow.js';

/*
 * 核实 (seed 002 §三(一): the organiser "查阅、核实" postings and sign-ups). An entity starts unverified; an
 * office verifies it, or questions it with a note the owner reads and answers by correcting; it can be
 * questioned again later and verified once the question is settled. District offices act on their own
 * district's needs, the municipal office on all. Compare-and-set on the state.
 */
export const VERIFICATION_STATES = ['unverified', 'verified', 'questioned'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];
export const VERIFICATION_ACTIONS = ['verify', 'question'] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];
export const VERIFIED_TYPES = ['challenge', 'signup'] as const;
export type VerifiedType = (typeof VERIFIED_TYPES)[number];

export const VERIFICATION_WORKFLOW: readonly Transition<VerificationState, VerificationAction>[] = [
  {
    action: 'verify',
    from: ['unverified', 'questioned'],
    to: 'verified',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'optional',
  },
  {
    action: 'verify',
    from: ['unverified', 'questioned'],
    to: 'verified',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'optional',
  },
  {
    action: 'question',
    from: ['unverified', 'verified', 'questioned'],
    to: 'questioned',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
  {
    action: 'question',
    from: ['unverified', 'verified', 'questioned'],
    to: 'questioned',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'required',
  },
];

/*
 * 推荐揭榜方 (seed 002 §三(一) "匹配"): an office suggests a person or unit to a poster. The suggestion becomes
 * signed_up when that party signs up for the need (done by the sign-up itself), declined by the party with a
 * reason, or withdrawn by the office.
 */
export const SUGGESTION_STATES = ['suggested', 'signed_up', 'declined', 'withdrawn'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];
export const SUGGESTION_ACTIONS = ['sign_up', 'decline', 'withdraw'] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

export const SUGGESTION_WORKFLOW: readonly Transition<SuggestionState, SuggestionAction>[] = [
  {
    action: 'sign_up',
    from: ['suggested'],
    to: 'signed_up',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'none',
  },
  {
    action: 'decline',
    from: ['suggested'],
    to: 'declined',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'required',
  },
  {
    action: 'withdraw',
    from: ['suggested'],
    to: 'withdrawn',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'optional',
  },
  {
    action: 'withdraw',
    from: ['suggested'],
    to: 'withdrawn',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'optional',
  },
];

export const VERIFICATION_STATE_LABELS: Record<VerificationState, { 'zh-CN': string; en: string }> = {
  unverified: { 'zh-CN': '待核实', en: 'Not verified' },
  verified: { 'zh-CN': '已核实', en: 'Verified' },
  questioned: { 'zh-CN': '存疑', en: 'Questioned' },
};
export const SUGGESTION_STATE_LABELS: Record<SuggestionState, { 'zh-CN': string; en: string }> = {
  suggested: { 'zh-CN': '已推荐', en: 'Suggested' },
  signed_up: { 'zh-CN': '已报名', en: 'Signed up' },
  declined: { 'zh-CN': '已婉拒', en: 'Declined' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};
