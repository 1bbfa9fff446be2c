import { enqueue } from '../../core/outbox.js';
import type { Db } from '../../db/index.js';
import { needsReminder } from '../../../shared/followup/rules.js';
import { partyUserIds } from './milestones.js';

/**
 * The daily reminder of overdue milestones to the project's parties (the rule is shared/followup): each
 * milestone at most once a day, recorded by a compare-and-set on `reminded_on`, so two nodes never both
 * send it. Returns how many reminders were queued.
 */
export async function remindOverdueMilestones(db: Db, today: string): Promise<number> {
  const rows = await db
    .selectFrom('followup_milestones as m')
    .innerJoin('followup_projects as p', 'p.id', 'm.project_id')
    .select(['m.id', 'm.title', 'm.due', 'm.done_on', 'm.reminded_on', 'm.project_id'])
    .where('m.done_on', 'is', null)
    .where('m.due', '<', today)
    .where((eb) => eb.or([eb('m.reminded_on', 'is', null), eb('m.reminded_on', '<', today)]))
    .orderBy('m.id')
    .limit(1000)
    .execute();
  let sent = 0;
  for (const m of rows) {
    if (!needsReminder({ due: m.due, doneOn: m.done_on, remindedOn: m.reminded_on }, today)) continue;
    const done = await db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('followup_milestones')
        .set({ reminded_on: today })
        .where('id', '=', m.id)
        .where('done_on', 'is', null)
        .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      const p = await trx
        .selectFrom('followup_projects')
        .selectAll()
        .where('id', '=', m.project_id)
        .executeTakeFirstOrThrow();
      const userIds = await partyUserIds(trx, p);
      if (userIds.length > 0)
        await enqueue(trx, 'notify', {
          userIds,
          title: `项目「${p.title}」的里程碑「${m.title}」已逾期`,
          body: `计划完成日期 ${m.due}。请更新里程碑或提交进展报告。`,
          link: `/console/followup/${p.id}`,
        });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
