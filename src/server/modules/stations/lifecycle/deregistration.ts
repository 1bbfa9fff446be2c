import { z } from 'zod';
import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { enqueue } from '../../../core/outbox.js';
import { nowIso } from '../../../db/index.js';
import { authorize } from '../../../policy/index.js';
import { staffUserIds, unitUserIds } from '../load.js';
import { loadStation } from './recruits.js';

/** Seed 000 §四 (二) misconduct and (三) lost conditions; (一) comes through the adjustment rule. */
export const DEREGISTRATION_CAUSES = ['misconduct', 'lost_conditions'] as const;
export const CAUSE_LABELS: Record<string, string> = {
  no_recruits: '连续四年未招收博士后研究人员',
  misconduct: '严重违反博士后工作有关规定或存在重大学术不端',
  lost_conditions: '无法提供必要的科研、生活条件，或因业务调整、重组、破产等原因无法继续开展博士后工作',
};

export const DeregisterBody = z.object({
  cause: z.enum(DEREGISTRATION_CAUSES),
  opinion: z.string().trim().min(1, 'required').max(2000),
  evidence: z.array(z.number().int().positive()).max(20).default([]),
});
export const DecisionBody = z.object({ opinion: z.string().trim().min(1, 'required').max(2000) });

async function tell(
  ctx: CommandCtx,
  s: { id: number; number: string; unit_id: number; region_id: number },
  title: string,
  body: string,
): Promise<void> {
  const users = [
    ...(await unitUserIds(ctx.trx, s.unit_id)),
    ...(await staffUserIds(ctx.trx, 'district_officer', s.region_id)),
  ];
  await enqueue(ctx.trx, 'notify', { userIds: users, title, body, link: `/console/stations/${s.id}` });
}

async function deregister(
  ctx: CommandCtx,
  stationId: number,
  cause: string,
  opinion: string,
  evidence: number[],
  from: ReadonlyArray<'active' | 'rectification'>,
): Promise<void> {
  const s = await loadStation(ctx.trx, ctx.actor, stationId);
  const now = nowIso();
  const res = await ctx.trx
    .updateTable('stations')
    .set({ status: 'deregistered', deregistered_at: now, status_changed_at: now })
    .where('id', '=', stationId)
    .where('status', 'in', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: s.status });
  await ctx.trx
    .insertInto('station_events')
    .values({
      station_id: stationId,
      action: 'deregistered',
      from_status: s.status,
      to_status: 'deregistered',
      actor_id: ctx.actor?.id ?? null,
      actor_name: ctx.actor?.displayName ?? 'system',
      cause,
      opinion,
      evidence_json: JSON.stringify(evidence),
      at: now,
    })
    .execute();
  await writeAudit(ctx, {
    action: 'station.deregistered',
    entityType: 'station',
    entityId: stationId,
    regionId: s.region_id,
    before: { status: s.status },
    after: { status: 'deregistered', cause, opinion, evidence },
  });
  await tell(
    ctx,
    s,
    `工作站 ${s.number} 已注销设站资格`,
    `注销原因：${CAUSE_LABELS[cause] ?? cause}。意见：${opinion}`,
  );
}

/** Manual deregistration by the municipal office, with cause, evidence and opinion. */
export async function deregisterStation(
  ctx: CommandCtx,
  stationId: number,
  input: z.infer<typeof DeregisterBody>,
): Promise<void> {
  const s = await loadStation(ctx.trx, ctx.actor, stationId);
  authorize(ctx.actor, 'station', 'deregister', { id: s.id, unitId: s.unit_id, regionId: s.region_id });
  if (input.evidence.length) {
    const found = await ctx.trx.selectFrom('files').select('id').where('id', 'in', input.evidence).execute();
    if (found.length !== new Set(input.evidence).size)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'evidence', key: 'unknown_file' }]);
  }
  await deregister(ctx, stationId, input.cause, input.opinion, input.evidence, ['active', 'rectification']);
}

/** The municipal office confirms, or declines, a deregistration the adjustment rule proposed. */
export async function decideProposal(
  ctx: CommandCtx,
  stationId: number,
  confirm: boolean,
  opinion: string,
): Promise<void> {
  const s = await loadStation(ctx.trx, ctx.actor, stationId);
  authorize(ctx.actor, 'station', 'decide_deregistration', {
    id: s.id,
    unitId: s.unit_id,
    regionId: s.region_id,
  });
  if (!s.deregistration_proposed_at || s.status !== 'rectification')
    throw new AppError('STATE_CONFLICT', { state: s.status });
  if (confirm) {
    await deregister(ctx, stationId, 'no_recruits', opinion, [], ['rectification']);
    return;
  }
  // Declined: the station stays, and the four-year count restarts today.
  const now = nowIso();
  const res = await ctx.trx
    .updateTable('stations')
    .set({
      status: 'active',
      deregistration_proposed_at: null,
      count_from: now.slice(0, 10),
      status_changed_at: now,
    })
    .where('id', '=', stationId)
    .where('status', '=', 'rectification')
    .where('deregistration_proposed_at', 'is not', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: s.status });
  await ctx.trx
    .insertInto('station_events')
    .values({
      station_id: stationId,
      action: 'deregistration_declined',
      from_status: 'rectification',
      to_status: 'active',
      actor_id: ctx.actor?.id ?? null,
      actor_name: ctx.actor?.displayName ?? 'system',
      cause: 'no_recruits',
      opinion,
      at: now,
    })
    .execute();
  await writeAudit(ctx, {
    action: 'station.deregistration_declined',
    entityType: 'station',
    entityId: stationId,
    regionId: s.region_id,
    before: { status: 'rectification' },
    after: { status: 'active', countFrom: now.slice(0, 10), opinion },
  });
  await tell(ctx, s, `工作站 ${s.number} 不予注销`, `市博管办意见：${opinion}。自今日起重新计算招收年限。`);
}

/** The municipal office flags a station as cultivated for national level (培育国家级工作站). */
export async function setCultivation(ctx: CommandCtx, stationId: number, flag: boolean): Promise<void> {
  const s = await loadStation(ctx.trx, ctx.actor, stationId);
  authorize(ctx.actor, 'station', 'set_cultivation', { id: s.id, unitId: s.unit_id, regionId: s.region_id });
  await ctx.trx
    .updateTable('stations')
    .set({ national_cultivation: flag ? 1 : 0 })
    .where('id', '=', stationId)
    .execute();
  await writeAudit(ctx, {
    action: 'station.cultivation_set',
    entityType: 'station',
    entityId: stationId,
    regionId: s.region_id,
    before: { nationalCultivation: s.national_cultivation === 1 },
    after: { nationalCultivation: flag },
  });
}
