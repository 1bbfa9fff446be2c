import { SolutionInput } from '../../shared/taking/solution';
import type { FileView } from '../challenges/types';
import type { SolutionInputData, SolutionView } from './types';

export type SolutionFormValues = Record<string, unknown>;

/**
 * The browser's copy of a solution form (as the poster's posting form keeps one, see
 * challenges/poster/draftStore.ts): whatever was typed and not yet saved survives a reload, a lost
 * connection or a refusal. Keyed by account and sign-up; it records the revision it was based on.
 */
export interface LocalSolutionCopy {
  revision: number;
  at: number;
  values: SolutionFormValues;
  files: FileView[];
}

export const solutionDraftKey = (userId: number, signupId: number) =>
  `bohou.solution-form.${userId}.${signupId}`;

export function readSolutionCopy(key: string): LocalSolutionCopy | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<LocalSolutionCopy>;
    if (typeof p.revision !== 'number' || !p.values || typeof p.values !== 'object') return null;
    return {
      revision: p.revision,
      at: typeof p.at === 'number' ? p.at : 0,
      values: p.values,
      files: Array.isArray(p.files) ? p.files : [],
    };
  } catch {
    return null;
  }
}

export function writeSolutionCopy(key: string, copy: LocalSolutionCopy): void {
  try {
    localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Storage full or disabled: saving to the server still works.
  }
}

export function clearSolutionCopy(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // ignore
  }
}

/** The form's values of a saved solution. */
export function solutionValues(s: SolutionView | null): SolutionFormValues {
  if (!s) return { milestones: [{ title: '', due: '', deliverable: '' }], attachmentIds: [] };
  return { ...s.content, attachmentIds: (s.attachments ?? []).map((f) => f.id) };
}

/** The solution as the server would take it, or null while something required is missing. */
export function toSolutionInput(values: SolutionFormValues): SolutionInputData | null {
  const r = SolutionInput.safeParse(values);
  return r.success ? r.data : null;
}

/** Sorted-key text for "same as the server's" comparisons. */
export function sameValues(a: SolutionFormValues, b: SolutionFormValues): boolean {
  const text = (v: unknown) =>
    JSON.stringify(v, (_k, val: unknown) =>
      val && typeof val === 'object' && !Array.isArray(val)
        ? Object.fromEntries(
            Object.entries(val as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
          )
        : val,
    );
  return text(a) === text(b);
}
