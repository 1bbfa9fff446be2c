import type { Db, Trx } from '../db/index.js';
import { nowIso } from '../db/index.js';
import { metrics } from './metrics.js';

/**
 * Side effects (notifications, e-mail, PDFs) are written to the outbox inside the transaction that
 * causes them and carried out only after it commits, by whichever node claims the row first.
 */
export interface OutboxMessages {
  /** In-app notification to one or more accounts (and e-mail when a mailer is configured). */
  notify: { userIds: number[]; title: string; body: string; link?: string };
  /** A plain e-mail. */
  email: { to: string; subject: string; text: string };
  /** 对接成功: make the cooperation agreement (合作协议) of a matched solution for signing. */
  cooperation: { solutionId: number };
  /** A 保密书 accepted on a need: file it as a signed one-party document. */
  confidentiality: { acceptanceId: number };
}
export type Topic = keyof OutboxMessages;

export async function enqueue<T extends Topic>(
  trx: Trx,
  topic: T,
  payload: OutboxMessages[T],
): Promise<void> {
  const now = nowIso();
  await trx
    .insertInto('outbox')
    .values({
      topic,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      created_at: now,
      available_at: now,
    })
    .execute();
}

/** Several messages of one topic in multi-row inserts (for jobs that change many entities at once). */
export async function enqueueMany<T extends Topic>(
  trx: Trx,
  topic: T,
  payloads: Array<OutboxMessages[T]>,
): Promise<void> {
  const now = nowIso();
  for (let i = 0; i < payloads.length; i += 500) {
    await trx
      .insertInto('outbox')
      .values(
        payloads.slice(i, i + 500).map((p) => ({
          topic,
          payload: JSON.stringify(p),
          status: 'pending' as const,
          attempts: 0,
          created_at: now,
          available_at: now,
        })),
      )
      .execute();
  }
}

export type Handlers = { [T in Topic]: (db: Db, payload: OutboxMessages[T]) => Promise<void> };

const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

/**
 * Claims and runs due messages. A claim is compare-and-set on `attempts`, so two nodes never run the
 * same message; a crash leaves the lease to expire and the message is retried, up to MAX_ATTEMPTS.
 */
export async function processOutbox(db: Db, handlers: Handlers, limit = 50): Promise<number> {
  const now = new Date();
  const due = await db
    .selectFrom('outbox')
    .select(['id', 'topic', 'payload', 'attempts'])
    .where('status', '=', 'pending')
    .where('available_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(limit)
    .execute();
  let done = 0;
  for (const m of due) {
    const claimed = await db
      .updateTable('outbox')
      .set({ attempts: m.attempts + 1, available_at: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', m.id)
      .where('attempts', '=', m.attempts)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      const handler = handlers[m.topic as Topic] as (db: Db, p: unknown) => Promise<void>;
      if (!handler) throw new Error(`no handler for topic ${m.topic}`);
      await handler(db, JSON.parse(m.payload));
      await db
        .updateTable('outbox')
        .set({ status: 'done', processed_at: nowIso() })
        .where('id', '=', m.id)
        .execute();
      done++;
      metrics.outboxDone.inc({ topic: m.topic, outcome: 'done' });
    } catch (err) {
      const failed = m.attempts + 1 >= MAX_ATTEMPTS;
      metrics.outboxDone.inc({ topic: m.topic, outcome: failed ? 'failed' : 'retry' });
      const backoff = new Date(Date.now() + 2 ** m.attempts * 1000).toISOString();
      await db
        .updateTable('outbox')
        .set({ status: failed ? 'failed' : 'pending', last_error: String(err), available_at: backoff })
        .where('id', '=', m.id)
        .execute();
    }
  }
  return done;
}
