import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { withLock } from './jobs.js';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(db: Db): Promise<unknown>;
}

/** Runs each job on its interval, under a database lock so only one node runs it at a time. */
export function startScheduler(db: Db, log: FastifyBaseLogger, jobs: ScheduledJob[]): () => void {
  const timers = jobs.map((job) =>
    setInterval(() => {
      withLock(db, job.name, job.everyMs, () => job.run(db)).catch((err: unknown) =>
        log.error({ err, job: job.name }, 'job failed'),
      );
    }, job.everyMs),
  );
  return () => timers.forEach(clearInterval);
}
