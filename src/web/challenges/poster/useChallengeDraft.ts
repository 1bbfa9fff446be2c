import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import { storedLang } from '../../i18n/storage';
import { asApiError } from '../../lib/useRequest';
import { readCsrf } from '../../stations/api';
import { challengesApi } from '../api';
import { isFull, type ChallengeFull, type ChallengeKind, type FileView } from '../types';
import {
  clearLocalCopy,
  draftKey,
  savedTextOf,
  stableText,
  toInput,
  writeLocalCopy,
  type FormValues,
} from './draftStore';

export type DraftState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** Required entries missing or invalid: kept in this browser only, saved once complete. */
  | { kind: 'incomplete' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' };

const DEBOUNCE_MS = 1500;
const RETRY_MS = 10_000;

export interface ChallengeDraft {
  state: DraftState;
  /** The posting's id once the server has it. */
  id: number | null;
  /** Call with the form's values after every change. */
  change(values: FormValues): void;
  /** Saves now; resolves true when the server holds exactly the form's entries. */
  flush(): Promise<boolean>;
  /** The id right now (also just after a flush that created the draft). */
  currentId(): number | null;
}

/**
 * Autosave of a posting form. Every change goes to localStorage first (nothing typed is lost to a
 * reload, a timeout or a form not yet complete). Once the form is complete it is saved ~1.5 s after the
 * last change: the first save creates the draft (POST), later ones PUT with the revision last seen. A
 * stale revision (REVISION_CONFLICT) pauses saving instead of overwriting newer work, unless the server
 * already holds exactly these entries. Also saved when the tab is hidden and (keepalive) on unload.
 */
export function useChallengeDraft(opts: {
  userId: number;
  kind: ChallengeKind;
  initial: ChallengeFull | null;
  initialValues: FormValues;
  enabled: boolean;
  filesOf: (values: FormValues) => FileView[];
  onCreated: (c: ChallengeFull) => void;
  onServerError: (err: ApiError) => void;
}): ChallengeDraft {
  const { userId, kind, enabled } = opts;
  const [state, setState] = useState<DraftState>({ kind: 'saved', at: null });
  const [id, setId] = useState<number | null>(opts.initial?.id ?? null);
  const idRef = useRef<number | null>(opts.initial?.id ?? null);
  const revision = useRef(opts.initial?.revision ?? 0);
  const savedText = useRef(opts.initial ? savedTextOf(opts.initial) : '');
  const latest = useRef<FormValues>(opts.initialValues);
  const lastSavedAt = useRef<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const conflict = useRef(false);
  const callbacks = useRef(opts);
  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  useEffect(() => {
    callbacks.current = opts;
  });

  const textOf = useCallback(
    (values: FormValues) => {
      const input = toInput(values, kind);
      return input ? stableText(input) : null;
    },
    [kind],
  );

  const keepLocal = useCallback(() => {
    writeLocalCopy(draftKey(userId, idRef.current, kind), {
      id: idRef.current,
      revision: revision.current,
      at: Date.now(),
      values: latest.current,
      files: callbacks.current.filesOf(latest.current),
    });
  }, [userId, kind]);

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), ms);
  }, []);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const input = toInput(latest.current, kind);
    if (!input) {
      setState({ kind: 'incomplete' });
      return false;
    }
    const text = stableText(input);
    if (text === savedText.current) return true;
    setState({ kind: 'saving' });
    const accept = (rev: number) => {
      revision.current = rev;
      savedText.current = text;
      lastSavedAt.current = new Date();
      if (textOf(latest.current) === text) {
        clearLocalCopy(draftKey(userId, idRef.current, kind));
        setState({ kind: 'saved', at: lastSavedAt.current });
      } else {
        keepLocal();
        setState({ kind: 'dirty' });
        schedule(DEBOUNCE_MS);
      }
    };
    try {
      if (idRef.current === null) {
        const created = await challengesApi.create(input);
        clearLocalCopy(draftKey(userId, null, kind));
        idRef.current = created.id;
        setId(created.id);
        accept(created.revision);
        callbacks.current.onCreated(created);
      } else {
        const out = await challengesApi.save(idRef.current, input, revision.current);
        accept(out.revision);
      }
      return true;
    } catch (err) {
      const e = asApiError(err);
      if (e.code === 'REVISION_CONFLICT' && idRef.current !== null) {
        const server = await challengesApi.get(idRef.current).catch(() => null);
        if (server && isFull(server) && savedTextOf(server) === text) {
          accept(server.revision);
          return true;
        }
        conflict.current = true;
        keepLocal();
        setState({ kind: 'conflict' });
        return false;
      }
      keepLocal();
      setState({ kind: 'error', message: e.message });
      if (e.code === 'NETWORK') schedule(RETRY_MS);
      else callbacks.current.onServerError(e);
      return false;
    }
  }, [kind, userId, keepLocal, schedule, textOf]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!enabled || conflict.current) return textOf(latest.current) === savedText.current;
    while (inflight.current) await inflight.current;
    const p = saveOnce().finally(() => {
      inflight.current = null;
    });
    inflight.current = p;
    return p;
  }, [enabled, saveOnce, textOf]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (values: FormValues) => {
      latest.current = values;
      if (!enabled) return;
      const text = textOf(values);
      if (text !== null && text === savedText.current) {
        clearLocalCopy(draftKey(userId, idRef.current, kind));
        if (!conflict.current) setState({ kind: 'saved', at: lastSavedAt.current });
        return;
      }
      keepLocal();
      if (conflict.current) return;
      if (text === null) {
        if (timer.current) clearTimeout(timer.current);
        setState((s) => (s.kind === 'saving' ? s : { kind: 'incomplete' }));
        return;
      }
      setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
      schedule(DEBOUNCE_MS);
    },
    [enabled, userId, kind, keepLocal, schedule, textOf],
  );

  useEffect(() => {
    if (!enabled) return;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    // Last chance when the tab closes or reloads: a keepalive request that outlives the page.
    const onUnload = () => {
      const input = toInput(latest.current, kind);
      const cur = idRef.current;
      if (conflict.current || cur === null || !input || stableText(input) === savedText.current) return;
      void fetch(challengesApi.url(cur), {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Accept-Language': storedLang(),
          'x-csrf-token': readCsrf(),
        },
        body: JSON.stringify({ challenge: input, revision: revision.current }),
      }).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onUnload);
      void flushRef.current();
    };
  }, [enabled, kind]);

  const currentId = useCallback(() => idRef.current, []);
  return { state, id, change, flush, currentId };
}
