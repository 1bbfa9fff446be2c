import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../db/index.js';
import { expectError } from '../../test/client.js';
import { buildActor, buildUser, uniq } from '../../test/factories.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';

interface Note {
  id: number;
  title: string;
  body: string;
  link: string;
  readAt: string | null;
}
type Notes = { unread: number; items: Note[] };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function notify(userId: number, title: string): Promise<number> {
  const r = await t.db
    .insertInto('notifications')
    .values({ user_id: userId, title, body: '', link: '', created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

describe('notifications', () => {
  it('a new staff account is welcomed through the outbox, after the commit', async () => {
    const { client: sys } = await buildActor(t, 'sys_admin');
    const username = uniq('new');
    const created = await sys.post<{ user: { id: number }; initialPassword: string }>('/api/users', {
      username,
      displayName: '新专家',
      role: 'expert',
      email: `${username}@example.org`,
    });
    expect(created.status).toBe(201);
    const userId = created.body.user.id;
    const queued = await t.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('topic', '=', 'notify')
      .execute();
    const mine = queued.filter((m) =>
      (JSON.parse(m.payload) as { userIds: number[] }).userIds.includes(userId),
    );
    expect(mine).toHaveLength(1);

    const mineIn = () => t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).execute();
    await drainUntil(t, async () => (await mineIn()).length > 0);
    expect((await mineIn()).map((n) => n.title)).toEqual(['欢迎使用博后通']);

    // The new account changes its first password, then reads its notifications.
    const c = t.client();
    await c.post('/api/auth/login', { username, password: created.body.initialPassword });
    expect(
      (
        await c.post('/api/auth/password', {
          currentPassword: created.body.initialPassword,
          newPassword: 'Fresh#Pass2026',
        })
      ).status,
    ).toBe(200);
    const list = await c.get<Notes>('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        title: '欢迎使用博后通',
        body: '请在首次登录时修改初始密码。',
        readAt: null,
      }),
    ]);

    const id = list.body.items[0]!.id;
    expect((await c.post(`/api/notifications/${id}/read`)).body).toEqual({ ok: true });
    const after = await c.get<Notes>('/api/notifications');
    expect(after.body.unread).toBe(0);
    expect(after.body.items[0]?.readAt).not.toBeNull();
    expect((await c.get<Notes>('/api/notifications?unreadOnly=1')).body.items).toEqual([]);

    // With an e-mail address, the message is also mailed (to storage, without SMTP).
    const mailDir = path.join(t.dataDir, 'files', 'mail');
    const mails = await Promise.all(
      (await fs.readdir(mailDir)).map((f) => fs.readFile(path.join(mailDir, f), 'utf8')),
    );
    expect(mails.filter((m) => m.includes(`To: ${username}@example.org`))).toHaveLength(1);
  });

  it('mark all read, newest first, with a limit', async () => {
    const { client, user } = await buildActor(t, 'individual');
    const ids = [await notify(user.id, 'one'), await notify(user.id, 'two'), await notify(user.id, 'three')];
    const list = await client.get<Notes>('/api/notifications?limit=2');
    expect(list.body.unread).toBe(3);
    expect(list.body.items.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect((await client.post('/api/notifications/read-all')).body).toEqual({ ok: true });
    expect((await client.get<Notes>('/api/notifications')).body.unread).toBe(0);
  });

  it('nobody reads or marks another account’s notifications', async () => {
    const owner = await buildUser(t.db, 'expert');
    const id = await notify(owner.id, `private ${uniq()}`);
    const { client: other } = await buildActor(t, 'expert');
    expect((await other.get<Notes>('/api/notifications')).body.items).toEqual([]);
    expectError(await other.post(`/api/notifications/${id}/read`), 404, 'NOT_FOUND');
    await other.post('/api/notifications/read-all');
    const row = await t.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
    expectError(await t.client().get('/api/notifications'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().post(`/api/notifications/${id}/read`), 401, 'UNAUTHENTICATED');
  });
});
