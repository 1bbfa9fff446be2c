import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { tryLock, unlock } from './jobs.js';
import { metrics } from './metrics.js';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(db: Db): Promise<unknown>;
}

/** Runs each job on its interval, under a database lease so one node runs it per interval (see runJob). */
export function startScheduler(db: Db, log: FastifyBaseLogger, jobs: ScheduledJob[]): () => void {
  const timers = jobs.map((job) => setInterval(() => void runJob(db, log, job), job.everyMs));
  return () => timers.forEach(clearInterval);
}

/**
 * One run of a job, counted in the metrics: `ok`, `failed` (logged with the job's name), or `skipped`.
 * The run leases the job for 90 % of its interval and keeps the lease when it succeeds, so among several
 * nodes whose timers tick at different moments the job runs once per interval, not once per node; a
 * failed run gives the lease back so another node may try at its next tick.
 */
export async function runJob(db: Db, log: FastifyBaseLogger, job: ScheduledJob): Promise<void> {
  const started = performance.now();
  let leased: boolean;
  try {
    leased = await tryLock(db, job.name, Math.max(1, Math.floor(job.everyMs * 0.9)));
  } catch (err) {
    // The database is unreachable (restarting): try again at the next tick.
    metrics.jobRuns.inc({ job: job.name, outcome: 'failed' });
    log.error({ err, job: job.name }, 'job could not take its lease');
    return;
  }
  if (!leased) {
    metrics.jobRuns.inc({ job: job.name, outcome: 'skipped' });
    return;
  }
  try {
    await job.run(db);
    metrics.jobRuns.inc({ job: job.name, outcome: 'ok' });
  } catch (err) {
    await unlock(db, job.name).catch(() => undefined);
    metrics.jobRuns.inc({ job: job.name, outcome: 'failed' });
    log.error({ err, job: job.name }, 'job failed');
  } finally {
    metrics.jobDuration.observe({ job: job.name }, (performance.now() - started) / 1000);
  }
}
