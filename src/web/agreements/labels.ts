import type { MessageKey } from '../i18n';

export const AGREEMENT_STATES = ['signing', 'signed', 'filed', 'declined', 'cancelled'] as const;

export const stateKey = (s: string): MessageKey => `agr.state.${s}` as MessageKey;
export const partyKey = (s: string): MessageKey => `agr.party.${s}` as MessageKey;
export const eventKey = (s: string): MessageKey => `agr.event.${s}` as MessageKey;
export const stateColor = (s: string): string =>
  s === 'filed' ? 'success' : s === 'signed' ? 'processing' : s === 'signing' ? 'warning' : 'default';
