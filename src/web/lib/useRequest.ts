import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface RequestState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'INTERNAL', err instanceof Error ? err.message : String(err));
}

/**
 * Loads data for `key` (a string that changes whenever the request's inputs change; null = do not
 * load). The previous data stays visible while the next request runs, so tables do not flicker.
 */
export function useRequest<T>(key: string | null, load: () => Promise<T>): RequestState<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key: string; data: T | undefined; error: ApiError | null } | null>(
    null,
  );
  const fullKey = key === null ? null : `${key}#${tick}`;

  useEffect(() => {
    if (fullKey === null) return;
    let live = true;
    loadRef.current().then(
      (data) => {
        if (live) setState({ key: fullKey, data, error: null });
      },
      (err: unknown) => {
        if (live) setState((prev) => ({ key: fullKey, data: prev?.data, error: asApiError(err) }));
      },
    );
    return () => {
      live = false;
    };
  }, [fullKey]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return {
    data: state?.data,
    error: state !== null && state.key === fullKey ? state.error : null,
    loading: fullKey !== null && state?.key !== fullKey,
    reload,
  };
}
