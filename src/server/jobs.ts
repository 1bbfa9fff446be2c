import type { Config } from './core/config.js';
import type { ScheduledJob } from './core/scheduler.js';
import { createStorage } from './core/storage.js';
import { sweepOrphanFiles } from './modules/files/sweep.js';
import { remindPendingReviews } from './modules/stations/reminders.js';
import { runAdjustment } from './modules/stations/lifecycle/adjustment-job.js';
import { closeExpiredChallenges } from './modules/challenges/expire.js';
import { remindDeadlines } from './modules/challenges/reminders.js';
import { remindOverdueMilestones } from './modules/followup/reminders.js';
import { sql } from 'kysely';
import type { DialectName } from './db/index.js';
import { todayInChina } from '../shared/roles.js';

/** Housekeeping: sessions idle longer than any allowed idle time are removed. */
const MAX_IDLE_MS = 480 * 60_000;

/** Every scheduled job of the platform; each runs under a database lock (one node at a time). */
export function scheduledJobs(config: Config, dialect: DialectName): ScheduledJob[] {
  const sqliteOnly: ScheduledJob[] =
    dialect === 'sqlite'
      ? [
          {
            // SQLite keeps no statistics by itself: without them a search plans badly (PostgreSQL's
            // autovacuum analyses on its own). Also run when the database is opened.
            name: 'db.optimize',
            everyMs: 60 * 60_000,
            run: async (db) => {
              await sql`pragma optimize`.execute(db);
            },
          },
        ]
      : [];
  return [
    ...sqliteOnly,
    {
      // Objects a crash or a rolled-back transaction left in storage (issue #9: no orphan files).
      name: 'files.sweep_orphans',
      everyMs: 60 * 60_000,
      run: (db) => sweepOrphanFiles(db, createStorage(config)),
    },
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
    {
      // Seed 000 §四(一): rectification after three years without recruits, proposal after four.
      name: 'stations.adjustment',
      everyMs: 6 * 60 * 60_000,
      run: (db) => runAdjustment(db, dialect, todayInChina()),
    },
    {
      // Seed 002: a posting closes when its deadline for solutions has passed.
      name: 'challenges.close_expired',
      everyMs: 60 * 60_000,
      run: (db) => closeExpiredChallenges(db, dialect, todayInChina()),
    },
    {
      // Deadline reminders to posters: a week before and the day before.
      name: 'challenges.remind_deadlines',
      everyMs: 60 * 60_000,
      run: (db) => remindDeadlines(db, todayInChina()),
    },
    {
      // 项目跟踪: overdue milestones reminded to the parties, each at most once a day.
      name: 'followup.remind_overdue',
      everyMs: 60 * 60_000,
      run: (db) => remindOverdueMilestones(db, todayInChina()),
    },
  ];
}
