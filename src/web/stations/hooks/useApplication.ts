import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../api/client';
import { asApiError } from '../../lib/useRequest';
import { applicationsApi } from '../api';
import type { ApplicationDetail } from '../types';

export interface ApplicationState {
  detail: ApplicationDetail | undefined;
  error: ApiError | null;
  /** Bumped by reload(), so views that keep local state can start afresh. */
  version: number;
  setDetail(d: ApplicationDetail): void;
  reload(): void;
}

/** One application, replaced in place by the detail every action returns. */
export function useApplication(id: number): ApplicationState {
  const [detail, setDetailState] = useState<ApplicationDetail | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    applicationsApi.get(id).then(
      (d) => {
        if (!live) return;
        setDetailState(d);
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(asApiError(err));
      },
    );
    return () => {
      live = false;
    };
  }, [id, version]);

  const setDetail = useCallback((d: ApplicationDetail) => setDetailState(d), []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { detail: detail?.id === id ? detail : undefined, error, version, setDetail, reload };
}
