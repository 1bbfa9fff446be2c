import { ChallengeInput } from '../../../shared/challenges/form';
import type { ChallengeFull, ChallengeInputData, ChallengeKind, FileView } from '../types';

/** The form's values as antd holds them (the posting's shape; parts may be missing or half-typed). */
export type FormValues = Record<string, unknown>;

/**
 * The browser's copy of a posting form that may not have reached the server yet (incomplete, a reload,
 * a lost connection). Keyed by account and posting (`<user>.<id>`, or `<user>.new-<kind>` before the
 * first save), it records the revision it was based on, so the page can tell unsaved edits on top of
 * the server's copy from a server copy that has changed since.
 */
export interface LocalCopy {
  id: number | null;
  revision: number;
  at: number;
  values: FormValues;
  files: FileView[];
}

export const draftKey = (userId: number, id: number | null, kind: ChallengeKind) =>
  `bohou.challenge-form.${userId}.${id ?? `new-${kind}`}`;

export function readLocalCopy(key: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<LocalCopy>;
    if (typeof p.revision !== 'number' || !p.values || typeof p.values !== 'object') return null;
    return {
      id: typeof p.id === 'number' ? p.id : null,
      revision: p.revision,
      at: typeof p.at === 'number' ? p.at : 0,
      values: p.values,
      files: Array.isArray(p.files) ? p.files : [],
    };
  } catch {
    return null;
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): void {
  try {
    localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server copy and autosave still work.
  }
}

export function clearLocalCopy(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // ignore
  }
}

/** A text of a value with sorted keys, for "is this what the server has" comparisons. */
export function stableText(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : val,
  );
}

/** The posting as the server would store it, or null while a required value is missing or out of range. */
export function toInput(values: FormValues, kind: ChallengeKind): ChallengeInputData | null {
  const r = ChallengeInput.safeParse({ ...values, kind });
  return r.success ? r.data : null;
}

/** The form's values of a saved posting. */
export function valuesOf(c: ChallengeFull): FormValues {
  return { ...c.public, confidential: c.confidential };
}

/** The stored text of a saved posting (as `stableText(toInput(…))` would give for the same entries). */
export function savedTextOf(c: ChallengeFull): string {
  return stableText({ ...c.public, confidential: c.confidential });
}
