import type { Db } from '../../db/index.js';
import { nowIso } from '../../db/index.js';
import type { Handlers } from '../../core/outbox.js';
import type { Mailer } from '../../core/mailer.js';

/** What the outbox does with each topic once the transaction that queued it has committed. */
export function outboxHandlers(mailer: Mailer, more: Omit<Handlers, 'notify' | 'email'>): Handlers {
  return {
    ...more,
    async notify(db: Db, p) {
      if (p.userIds.length === 0) return;
      const now = nowIso();
      await db
        .insertInto('notifications')
        .values(
          p.userIds.map((id) => ({
            user_id: id,
            title: p.title,
            body: p.body,
            link: p.link ?? '',
            created_at: now,
          })),
        )
        .execute();
      const users = await db
        .selectFrom('users')
        .select(['email'])
        .where('id', 'in', p.userIds)
        .where('email', '!=', '')
        .execute();
      for (const u of users) await mailer.send({ to: u.email, subject: p.title, text: p.body });
    },
    async email(_db: Db, p) {
      await mailer.send(p);
    },
  };
}
