import type { Db } from '../../db/index.js';
import { enqueue } from '../../core/outbox.js';
import { staffUserIds } from './load.js';

/**
 * Reminds each district office of applications waiting for its review longer than `days`
 * (submitted_at older than that), at most once a day per application. Returns how many were reminded.
 */
export async function remindPendingReviews(db: Db, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const waiting = await db
    .selectFrom('station_applications as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.region_id', 'a.submitted_at', 'u.name'])
    .where('a.state', '=', 'submitted')
    .where('a.submitted_at', '<', cutoff)
    .where((eb) => eb.or([eb('a.reminded_at', 'is', null), eb('a.reminded_at', '<', dayAgo)]))
    .execute();
  let n = 0;
  for (const a of waiting) {
    await db.transaction().execute(async (trx) => {
      // Compare-and-set, so two nodes running the job never both remind.
      const res = await trx
        .updateTable('station_applications')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', a.id)
        .where('state', '=', 'submitted')
        .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', dayAgo)]))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      const officers = await staffUserIds(trx, 'district_officer', a.region_id);
      const waited = Math.floor((now.getTime() - new Date(a.submitted_at ?? now).getTime()) / 86_400_000);
      await enqueue(trx, 'notify', {
        userIds: officers,
        title: `设站申请 #${a.id} 已等待审核 ${waited} 天`,
        body: `${a.name} 的设站申请已提交 ${waited} 天，请尽快审核推荐。`,
        link: `/console/station-applications/${a.id}`,
      });
      n++;
    });
  }
  return n;
}
