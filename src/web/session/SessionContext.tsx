import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../api/endpoints';
import type { User } from '../api/types';

/** Why there is no user: the session expired (idle), the user logged out, or never logged in. */
export type EndReason = 'expired' | 'loggedOut' | null;

interface SessionState {
  loaded: boolean;
  user: User | null;
  endReason: EndReason;
}

export interface Session extends SessionState {
  /** After login or a password change: the account as the server returned it. */
  setUser(user: User | null): void;
  /** The server no longer knows the session; the console then sends the user to the login page. */
  lost(expired: boolean): void;
  refresh(): Promise<User | null>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Asks the server who is logged in once at start (this also gives the browser its CSRF cookie) and
 * keeps the answer for the whole app.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ loaded: false, user: null, endReason: null });

  useEffect(() => {
    let live = true;
    authApi.session().then(
      (s) => {
        if (live) setState({ loaded: true, user: s.user, endReason: s.expired ? 'expired' : null });
      },
      () => {
        if (live) setState({ loaded: true, user: null, endReason: null });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const setUser = useCallback((user: User | null) => setState({ loaded: true, user, endReason: null }), []);

  const lost = useCallback(
    (expired: boolean) => setState({ loaded: true, user: null, endReason: expired ? 'expired' : null }),
    [],
  );

  const refresh = useCallback(async () => {
    const s = await authApi.session();
    setState({ loaded: true, user: s.user, endReason: s.expired ? 'expired' : null });
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setState({ loaded: true, user: null, endReason: 'loggedOut' });
    }
  }, []);

  const value = useMemo<Session>(
    () => ({ ...state, setUser, lost, refresh, logout }),
    [state, setUser, lost, refresh, logout],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const ctx = use(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
