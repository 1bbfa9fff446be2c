import { adminDict } from './admin';
import { agreementsDict } from './agreements';
import { auditDict } from './audit';
import { challengesPosterDict } from './challengesPoster';
import { challengesReviewDict } from './challengesReview';
import { common } from './common';
import { consoleDict } from './console';
import { hallDict } from './hall';
import { portal } from './portal';
import { registryDict } from './registry';
import { stationsDict } from './stations';
import { takingDict } from './taking';
import { followupDict } from './followup';
import { resultsDict } from './results';
import { organiserDict } from './organiser';
import type { Lang } from './types';

/** Every message of the client. Add a module here when a feature brings its own words. */
export const messages = {
  ...common,
  ...portal,
  ...consoleDict,
  ...adminDict,
  ...auditDict,
  ...stationsDict,
  ...registryDict,
  ...hallDict,
  ...challengesPosterDict,
  ...challengesReviewDict,
  ...agreementsDict,
  ...takingDict,
  ...followupDict,
  ...resultsDict,
  ...organiserDict,
};
export type MessageKey = keyof typeof messages;

export type Params = Record<string, string | number>;

export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const entry = messages[key];
  return interpolate(lang === 'en' ? entry[1] : entry[0], params);
}

/** For keys built at run time (e.g. from a server code): the raw text when the key is unknown. */
export function translateLoose(lang: Lang, key: string, fallback: string): string {
  if (!(key in messages)) return fallback;
  return translate(lang, key as MessageKey);
}
