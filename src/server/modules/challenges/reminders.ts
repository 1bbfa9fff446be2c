import { enqueue } from '../../core/outbox.js';
import type { Db } from '../../db/index.js';
import { dueReminder, REMINDER_STAGES } from '../../../shared/challenges/reminders.js';
import { posterUserIds, toRecord } from './load.js';

/**
 * Reminds posters of published postings whose deadline for solutions is near (a week before, the day
 * before; the rule is src/shared/challenges/reminders.ts). Each stage is recorded with a compare-and-set
 * on `deadline_reminder`, so two nodes never both send it. Returns how many reminders were queued.
 */
export async function remindDeadlines(db: Db, today: string): Promise<number> {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + REMINDER_STAGES[0] * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await db
    .selectFrom('challenges')
    .selectAll()
    .where('state', '=', 'published')
    .where('deadline', '>=', today)
    .where('deadline', '<=', horizon)
    .orderBy('id')
    .limit(1000)
    .execute();
  let sent = 0;
  for (const row of rows) {
    const stage = dueReminder(row.deadline, today, row.deadline_reminder);
    if (stage === null) continue;
    const c = toRecord(row);
    const done = await db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('challenges')
        .set({ deadline_reminder: stage })
        .where('id', '=', c.id)
        .where('state', '=', 'published')
        .where((eb) => eb.or([eb('deadline_reminder', 'is', null), eb('deadline_reminder', '>', stage)]))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      await enqueue(trx, 'notify', {
        userIds: await posterUserIds(trx, c),
        title:
          stage === 1
            ? `张榜需求「${c.title}」明天截止征集`
            : `张榜需求「${c.title}」将于 ${c.deadline} 截止征集`,
        body: `截止日期 ${c.deadline}。截止后需求自动关闭，请及时查看揭榜情况。`,
        link: `/console/challenges/${c.id}`,
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
