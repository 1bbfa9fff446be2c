import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { notificationsApi } from '../api/endpoints';
import type { Notification } from '../api/types';
import { useRequest } from '../lib/useRequest';

interface NotificationsState {
  unread: number;
  /** The latest few, for the bell. */
  latest: Notification[];
  loading: boolean;
  /** Changes whenever notifications were read, so lists elsewhere reload. */
  version: number;
  reload(): void;
  markRead(id: number): Promise<void>;
  markAllRead(): Promise<void>;
}

const Ctx = createContext<NotificationsState | null>(null);
const POLL_MS = 60_000;

/** Unread count and latest notifications for the console, refreshed every minute. */
export function NotificationsProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const [version, setVersion] = useState(0);
  const { data, loading, reload } = useRequest(enabled ? `notif:${version}` : null, () =>
    notificationsApi.list({ limit: 6 }),
  );

  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const markRead = useCallback(
    async (id: number) => {
      await notificationsApi.read(id);
      bump();
    },
    [bump],
  );
  const markAllRead = useCallback(async () => {
    await notificationsApi.readAll();
    bump();
  }, [bump]);

  const value = useMemo<NotificationsState>(
    () => ({
      unread: data?.unread ?? 0,
      latest: data?.items ?? [],
      loading,
      version,
      reload: bump,
      markRead,
      markAllRead,
    }),
    [data, loading, version, bump, markRead, markAllRead],
  );
  return <Ctx value={value}>{children}</Ctx>;
}

export function useNotifications(): NotificationsState {
  const ctx = use(Ctx);
  if (!ctx) throw new Error('useNotifications outside NotificationsProvider');
  return ctx;
}
