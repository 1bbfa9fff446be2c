import type { Transition } from '../../core/workflow.js';

/**
 * A document's life (签署及备案). Created from a template version straight into `signing`; each
 * party's `sign` keeps it there until the last signature, when the platform takes `complete` to
 * `signed`; the office `file`s it (备案: sealed PDF, filing number). A party's `decline` ends it; the
 * municipal office may `cancel` one that is not filed. Templates with `filing: 'auto'` (the
 * commitment letters) are filed by the platform in the same transaction as the last signature.
 */
export const AGREEMENT_STATES = ['signing', 'signed', 'filed', 'declined', 'cancelled'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const AGREEMENT_ACTIONS = ['sign', 'decline', 'complete', 'file', 'cancel'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

export const AGREEMENT_WORKFLOW: readonly Transition<AgreementState, AgreementAction>[] = [
  // One party's signature; the party row is compare-and-set from pending, in signing order.
  {
    action: 'sign',
    from: ['signing'],
    to: 'signing',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'none',
  },
  {
    action: 'decline',
    from: ['signing'],
    to: 'declined',
    roles: ['unit', 'individual'],
    scope: 'owner',
    opinion: 'required',
  },
  // Taken by the platform when the last pending party signs (no one requests it).
  { action: 'complete', from: ['signing'], to: 'signed', roles: [], scope: 'any', opinion: 'none' },
  {
    action: 'file',
    from: ['signed'],
    to: 'filed',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'none',
  },
  {
    action: 'file',
    from: ['signed'],
    to: 'filed',
    roles: ['district_officer'],
    scope: 'own_region',
    opinion: 'none',
  },
  {
    action: 'cancel',
    from: ['signing', 'signed'],
    to: 'cancelled',
    roles: ['municipal_officer'],
    scope: 'any',
    opinion: 'required',
  },
];

export const AGREEMENT_STATE_LABELS: Record<AgreementState, { 'zh-CN': string; en: string }> = {
  signing: { 'zh-CN': '签署中', en: 'signing' },
  signed: { 'zh-CN': '已签署待备案', en: 'signed, awaiting filing' },
  filed: { 'zh-CN': '已备案', en: 'filed' },
  declined: { 'zh-CN': '已拒签', en: 'declined' },
  cancelled: { 'zh-CN': '已撤销', en: 'cancelled' },
};

export const PARTY_STATE_LABELS = {
  pending: { 'zh-CN': '待签署', en: 'pending' },
  signed: { 'zh-CN': '已签署', en: 'signed' },
  declined: { 'zh-CN': '已拒签', en: 'declined' },
} as const;
