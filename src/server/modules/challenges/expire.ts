import { appendAudit } from '../../core/audit.js';
import { enqueue } from '../../core/outbox.js';
import { nowIso, type Db, type DialectName } from '../../db/index.js';
import { posterUserIds, toRecord } from './load.js';

/**
 * Closes published postings whose deadline has passed (the "deadline passed" way to `closed`): one
 * transaction per posting, compare-and-set on the state, with a timeline event, audit and a notice.
 */
export async function closeExpiredChallenges(db: Db, dialect: DialectName, today: string): Promise<number> {
  const due = await db
    .selectFrom('challenges')
    .selectAll()
    .where('state', '=', 'published')
    .where('deadline', '<', today)
    .orderBy('id')
    .limit(500)
    .execute();
  let closed = 0;
  for (const row of due) {
    const c = toRecord(row);
    const done = await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const res = await trx
        .updateTable('challenges')
        .set({ state: 'closed', closed_at: now, updated_at: now })
        .where('id', '=', c.id)
        .where('state', '=', 'published')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      const opinion = `截止日期 ${c.deadline} 已过`;
      await trx
        .insertInto('challenge_events')
        .values({
          challenge_id: c.id,
          action: 'expire',
          from_state: 'published',
          to_state: 'closed',
          actor_id: null,
          actor_name: 'system',
          actor_role: 'system',
          opinion,
          at: now,
        })
        .execute();
      await appendAudit(trx, dialect, {
        actorId: null,
        actorName: 'system',
        actorRole: 'system',
        ip: '127.0.0.1',
        action: 'challenge.expired',
        entityType: 'challenge',
        entityId: c.id,
        before: { state: 'published' },
        after: { state: 'closed', today },
      });
      await enqueue(trx, 'notify', {
        userIds: await posterUserIds(trx, c),
        title: `张榜需求「${c.title}」已到截止日期，自动关闭`,
        body: opinion,
        link: `/console/challenges/${c.id}`,
      });
      return true;
    });
    if (done) closed++;
  }
  return closed;
}
