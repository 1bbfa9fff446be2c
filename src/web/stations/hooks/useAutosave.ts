import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationFormData } from '../../../shared/stations/form';
import { storedLang } from '../../i18n/storage';
import { asApiError } from '../../lib/useRequest';
import { applicationsApi, readCsrf } from '../api';
import type { FileView } from '../types';
import { clearLocalCopy, formText, writeLocalCopy } from './localCopy';

export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' };

const DEBOUNCE_MS = 2000;
const RETRY_MS = 10_000;

export interface Autosave {
  state: SaveState;
  /** Call with the whole (normalised) form after every change. */
  change(form: ApplicationFormData): void;
  /** Saves now (step change, before printing or submitting). Resolves true when the server has it. */
  flush(): Promise<boolean>;
}

/**
 * Autosave of the application form: PUT …/form with the revision last seen, ~2 s after the last
 * change, on demand, when the tab is hidden, and (best effort, keepalive) when the page unloads. Every
 * change is also written to localStorage first, so nothing typed is lost to a reload or a timeout.
 * A stale revision (REVISION_CONFLICT) pauses saving instead of overwriting newer work — unless the
 * server already holds exactly these entries (e.g. the unload request got there), then it carries on.
 */
export function useAutosave(opts: {
  id: number;
  revision: number;
  initial: ApplicationFormData;
  enabled: boolean;
  filesOf: (form: ApplicationFormData) => FileView[];
}): Autosave {
  const { id, enabled } = opts;
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const revision = useRef(opts.revision);
  const savedText = useRef(formText(opts.initial));
  const latest = useRef(opts.initial);
  const lastSavedAt = useRef<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const conflict = useRef(false);
  const filesOf = useRef(opts.filesOf);
  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  useEffect(() => {
    filesOf.current = opts.filesOf;
  }, [opts.filesOf]);

  const keepLocal = useCallback(() => {
    writeLocalCopy({
      id,
      revision: revision.current,
      at: Date.now(),
      form: latest.current,
      files: filesOf.current(latest.current),
    });
  }, [id]);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const form = latest.current;
    const text = formText(form);
    if (text === savedText.current) return true;
    setState({ kind: 'saving' });
    const accept = (rev: number) => {
      revision.current = rev;
      savedText.current = text;
      lastSavedAt.current = new Date();
      if (formText(latest.current) === text) {
        clearLocalCopy(id);
        setState({ kind: 'saved', at: lastSavedAt.current });
      } else {
        keepLocal();
        setState({ kind: 'dirty' });
        schedule(DEBOUNCE_MS);
      }
    };
    try {
      const out = await applicationsApi.saveForm(id, form, revision.current);
      accept(out.revision);
      return true;
    } catch (err) {
      const e = asApiError(err);
      if (e.code === 'REVISION_CONFLICT') {
        const server = await applicationsApi.get(id).catch(() => null);
        if (server && formText(server.form) === text) {
          accept(server.revision);
          return true;
        }
        conflict.current = true;
        setState({ kind: 'conflict' });
        return false;
      }
      setState({ kind: 'error', message: e.message });
      if (e.code === 'NETWORK') schedule(RETRY_MS);
      return false;
    }
  }, [id, keepLocal, schedule]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!enabled || conflict.current) return formText(latest.current) === savedText.current;
    while (inflight.current) await inflight.current;
    const p = saveOnce().finally(() => {
      inflight.current = null;
    });
    inflight.current = p;
    return p;
  }, [enabled, saveOnce]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (form: ApplicationFormData) => {
      latest.current = form;
      if (!enabled) return;
      if (formText(form) === savedText.current) {
        clearLocalCopy(id);
        if (!conflict.current) setState({ kind: 'saved', at: lastSavedAt.current });
        return;
      }
      keepLocal();
      if (conflict.current) return;
      setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
      schedule(DEBOUNCE_MS);
    },
    [enabled, id, keepLocal, schedule],
  );

  useEffect(() => {
    if (!enabled) return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    // Last chance when the tab closes or reloads: a keepalive request that outlives the page.
    const onUnload = () => {
      if (conflict.current || formText(latest.current) === savedText.current) return;
      void fetch(applicationsApi.formUrl(id), {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Accept-Language': storedLang(),
          'x-csrf-token': readCsrf(),
        },
        body: JSON.stringify({ form: latest.current, revision: revision.current }),
      }).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onUnload);
      // Leaving the page inside the app: save what is pending.
      void flushRef.current();
    };
  }, [enabled, id]);

  return { state, change, flush };
}
