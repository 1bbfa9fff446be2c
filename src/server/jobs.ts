import type { Config } from './core/config.js';
import type { ScheduledJob } from './core/scheduler.js';
import { remindPendingReviews } from './modules/stations/reminders.js';

/** Housekeeping: sessions idle longer than any allowed idle time are removed. */
const MAX_IDLE_MS = 480 * 60_000;

/** Every scheduled job of the platform; each runs under a database lock (one node at a time). */
export function scheduledJobs(config: Config): ScheduledJob[] {
  return [
    {
      name: 'sessions.cleanup',
      everyMs: 10 * 60_000,
      run: (db) =>
        db
          .deleteFrom('sessions')
          .where('last_seen_at', '<', new Date(Date.now() - MAX_IDLE_MS).toISOString())
          .execute(),
    },
    {
      name: 'stations.remind_pending_reviews',
      everyMs: 60 * 60_000,
      run: (db) => remindPendingReviews(db, config.reviewReminderDays),
    },
  ];
}
