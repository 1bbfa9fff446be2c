import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIsolatedDatabase, type TestDatabase } from '../test/database.js';
import type { Db } from '../db/index.js';
import { enqueue, processOutbox, type Handlers, type OutboxMessages } from './outbox.js';

let tdb: TestDatabase;
let db: Db;
let dir: string;
// A database of its own: processOutbox takes every due message, whoever queued it.
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-outbox-'));
  tdb = await openIsolatedDatabase(dir);
  db = tdb.handle.db;
});
afterAll(async () => {
  await tdb.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const mail = (to: string): OutboxMessages['email'] => ({ to, subject: 's', text: 't' });
const queue = (to: string): Promise<void> =>
  db.transaction().execute((trx) => enqueue(trx, 'email', mail(to)));
const row = (to: string) =>
  db
    .selectFrom('outbox')
    .selectAll()
    .where('payload', '=', JSON.stringify(mail(to)))
    .executeTakeFirstOrThrow();

function handlers(onEmail: (to: string) => Promise<void>): Handlers {
  return {
    notify: async () => undefined,
    email: async (_db, p) => onEmail(p.to),
    cooperation: async () => undefined,
    confidentiality: async () => undefined,
  };
}

describe('outbox', () => {
  it('runs each message once, even with two processors at the same time', async () => {
    for (const to of ['a@x.cn', 'b@x.cn', 'c@x.cn']) await queue(to);
    const sent: string[] = [];
    const h = handlers(async (to) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(to);
    });
    const [n1, n2] = await Promise.all([processOutbox(db, h), processOutbox(db, h)]);
    expect(n1 + n2).toBe(3);
    expect(sent.sort()).toEqual(['a@x.cn', 'b@x.cn', 'c@x.cn']);
    expect(await row('a@x.cn')).toMatchObject({ status: 'done', attempts: 1 });
    expect((await row('a@x.cn')).processed_at).not.toBeNull();
    expect(await processOutbox(db, h)).toBe(0);
  });

  it('retries a failing message with back-off and gives up after 5 attempts', async () => {
    await queue('fail@x.cn');
    const h = handlers(async () => {
      throw new Error('smtp down');
    });
    const before = Date.now();
    expect(await processOutbox(db, h)).toBe(0);
    let r = await row('fail@x.cn');
    expect(r).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: smtp down' });
    expect(new Date(r.available_at).getTime()).toBeGreaterThanOrEqual(before + 1000);
    // Not due yet: nothing happens.
    await processOutbox(db, h);
    expect((await row('fail@x.cn')).attempts).toBe(1);
    for (let i = 2; i <= 5; i++) {
      await db
        .updateTable('outbox')
        .set({ available_at: new Date(0).toISOString() })
        .where('id', '=', r.id)
        .execute();
      await processOutbox(db, h);
      r = await row('fail@x.cn');
      expect(r.attempts).toBe(i);
    }
    expect(r.status).toBe('failed');
    await db
      .updateTable('outbox')
      .set({ available_at: new Date(0).toISOString() })
      .where('id', '=', r.id)
      .execute();
    await processOutbox(db, h);
    expect((await row('fail@x.cn')).attempts).toBe(5);
  });

  it('does nothing for a transaction that rolled back', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueue(trx, 'email', mail('rolled@x.cn'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await db
      .selectFrom('outbox')
      .select('id')
      .where('payload', 'like', '%rolled@x.cn%')
      .execute();
    expect(rows).toEqual([]);
  });
});
