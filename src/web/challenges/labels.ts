import {
  CHALLENGE_KIND_LABELS,
  CHALLENGE_STATE_LABELS,
  MATURITY_LABELS,
} from '../../shared/challenges/labels';
import { domainLabel as sharedDomainLabel } from '../../shared/labels';
import { DOMAINS } from '../../shared/roles';
import type { Lang } from '../i18n';
import type { ChallengeState } from './types';

export function challengeStateLabel(state: string, lang: Lang): string {
  return CHALLENGE_STATE_LABELS[state]?.[lang] ?? state;
}

export function challengeKindLabel(kind: string, lang: Lang): string {
  return CHALLENGE_KIND_LABELS[kind]?.[lang] ?? kind;
}

export function maturityLabel(m: string, lang: Lang): string {
  return MATURITY_LABELS[m]?.[lang] ?? m;
}

export function domainLabel(d: string, lang: Lang): string {
  return sharedDomainLabel(d, lang);
}

/** Options for a domain select, in the UI language. */
export function domainOptions(lang: Lang) {
  return DOMAINS.map((d) => ({ value: d, label: domainLabel(d, lang) }));
}

/** Tag colours (status colours only: the preset colours fail contrast, see src/web/README.md). */
export const CHALLENGE_STATE_COLORS: Record<ChallengeState, string> = {
  draft: 'default',
  submitted: 'processing',
  national_review: 'processing',
  returned: 'warning',
  published: 'success',
  closed: 'default',
  rejected: 'error',
  withdrawn: 'default',
};
