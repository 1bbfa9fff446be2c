import type { MessageKey } from '../i18n';

/**
 * The parts of the application form, by the dotted path the server and `checkEligibility` use
 * (`basic.team`, `recommended.platform` …): which step of the editor shows each, and its title. The
 * district office flags these paths when it returns an application.
 */
export interface FormSection {
  path: string;
  step: number;
  title: MessageKey;
}

export const SECTIONS: FormSection[] = [
  { path: 'profile', step: 0, title: 'st.sec.profile' },
  { path: 'basic.legal', step: 1, title: 'st.sec.basic.legal' },
  { path: 'basic.rdInstitution', step: 1, title: 'st.sec.basic.rdInstitution' },
  { path: 'basic.team', step: 1, title: 'st.sec.basic.team' },
  { path: 'basic.conditions', step: 1, title: 'st.sec.basic.conditions' },
  { path: 'basic.plan', step: 1, title: 'st.sec.basic.plan' },
  { path: 'basic.management', step: 1, title: 'st.sec.basic.management' },
  { path: 'recommended', step: 2, title: 'st.sec.recommended' },
  { path: 'recommended.platform', step: 2, title: 'st.sec.recommended.platform' },
  { path: 'recommended.industry', step: 2, title: 'st.sec.recommended.industry' },
  { path: 'recommended.strategy', step: 2, title: 'st.sec.recommended.strategy' },
  { path: 'recommended.littleGiant', step: 2, title: 'st.sec.recommended.littleGiant' },
  { path: 'recommended.candidate', step: 2, title: 'st.sec.recommended.candidate' },
  { path: 'sealedScan', step: 3, title: 'st.sec.sealedScan' },
];

/** What an office may flag when returning an application (every section except the group heading). */
export const FLAGGABLE = SECTIONS.filter((s) => s.path !== 'recommended');

export const STEP_TITLES: MessageKey[] = [
  'st.step.profile',
  'st.step.basic',
  'st.step.recommended',
  'st.step.submit',
];

export function sectionOf(path: string): FormSection | undefined {
  return SECTIONS.find((s) => s.path === path) ?? SECTIONS.find((s) => path.startsWith(`${s.path}.`));
}

/** The DOM id of a section's card, for scrolling to it. */
export function sectionDomId(path: string): string {
  return `sec-${path.replace(/\./g, '-')}`;
}

/** True when a flagged path lies in (or is) the section. */
export function isFlagged(flagged: readonly string[], path: string): boolean {
  return flagged.some((f) => f === path || f.startsWith(`${path}.`));
}
