import {
  CHALLENGE_KIND_LABELS,
  CHALLENGE_STATE_LABELS,
  MATURITY_LABELS,
} from '../../shared/challenges/labels';
import { DOMAIN_LABELS } from '../../shared/labels';
import { DOMAINS, type Domain } from '../../shared/roles';
import type { Lang } from '../i18n';
import type { ChallengeState } from './types';

/** English names of the nine domains (the Chinese ones are shared with the server's documents). */
const DOMAIN_EN: Record<Domain, string> = {
  next_gen_it: 'Next-generation IT',
  biomedicine: 'Biomedicine and health',
  high_end_equipment: 'High-end equipment',
  new_materials: 'New materials',
  new_energy: 'New energy (new-energy vehicles)',
  energy_saving: 'Energy saving and environment',
  agriculture_food: 'Modern agriculture and food',
  culture_creative: 'Culture and creative industries',
  other: 'Other',
};

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
  if (!(DOMAINS as readonly string[]).includes(d)) return d;
  return lang === 'en' ? DOMAIN_EN[d as Domain] : DOMAIN_LABELS[d as Domain];
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
