import { ApplicationForm, type ApplicationFormData } from '../../../shared/stations/form';
import type { FileView } from '../types';

/**
 * The browser's copy of an application form that may not have reached the server yet (a reload, a
 * lost connection, a session timeout). It records the server revision it was based on, so the page
 * can tell "unsaved edits on top of what the server has" from "the server has changed since".
 */
export interface LocalCopy {
  id: number;
  /** The server revision the edits were made on. */
  revision: number;
  /** When it was written (ms since epoch). */
  at: number;
  form: ApplicationFormData;
  /** Names of the files the form refers to, for files uploaded but not yet saved. */
  files: FileView[];
}

const key = (id: number) => `bohou.station-form.${id}`;

export function readLocalCopy(id: number): LocalCopy | null {
  try {
    const raw = localStorage.getItem(key(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalCopy>;
    const form = ApplicationForm.safeParse(parsed.form);
    if (parsed.id !== id || typeof parsed.revision !== 'number' || !form.success) return null;
    return {
      id,
      revision: parsed.revision,
      at: typeof parsed.at === 'number' ? parsed.at : 0,
      form: form.data,
      files: Array.isArray(parsed.files) ? parsed.files : [],
    };
  } catch {
    return null;
  }
}

export function writeLocalCopy(copy: LocalCopy): void {
  try {
    localStorage.setItem(key(copy.id), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server copy and autosave still work.
  }
}

export function clearLocalCopy(id: number): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // ignore
  }
}

/** A stable text of a form for comparisons (the schema fixes key order; strings are trimmed). */
export function formText(form: ApplicationFormData): string {
  return JSON.stringify(form);
}

/** The form as the server would store it, or null when some value is out of range. */
export function normalizeForm(values: unknown): ApplicationFormData | null {
  const r = ApplicationForm.safeParse(values);
  return r.success ? r.data : null;
}
