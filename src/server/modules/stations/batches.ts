import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, toInt } from '../../db/index.js';
import { authorizeType } from '../../policy/index.js';

/** Certification batches (认定批次) of the municipal office. */
export async function createBatch(ctx: CommandCtx, name: string): Promise<number> {
  authorizeType(ctx.actor, 'cert_batch', 'manage');
  const row = await ctx.trx
    .insertInto('cert_batches')
    .values({ name, state: 'open', created_by: ctx.actor!.id, created_at: nowIso(), closed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'cert_batch.created',
    entityType: 'cert_batch',
    entityId: row.id,
    after: { name },
  });
  return row.id;
}

/** Adds recommended applications not yet in a batch; any other id refuses the whole request. */
export async function addToBatch(ctx: CommandCtx, batchId: number, applicationIds: number[]): Promise<void> {
  authorizeType(ctx.actor, 'cert_batch', 'manage');
  const batch = await ctx.trx
    .selectFrom('cert_batches')
    .select('state')
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!batch) throw new AppError('NOT_FOUND');
  if (batch.state !== 'open') throw new AppError('BATCH_CLOSED');
  const ids = [...new Set(applicationIds)];
  const res = await ctx.trx
    .updateTable('station_applications')
    .set({ batch_id: batchId, updated_at: nowIso() })
    .where('id', 'in', ids)
    .where('state', '=', 'recommended')
    .where('batch_id', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== ids.length) {
    // Roll back by throwing: the transaction undoes the rows that did match.
    throw new AppError('STATE_CONFLICT', { state: 'recommended / not in a batch' });
  }
  await writeAudit(ctx, {
    action: 'cert_batch.applications_added',
    entityType: 'cert_batch',
    entityId: batchId,
    after: { applicationIds: ids },
  });
}

/** Closes a batch once every application in it has been decided. */
export async function closeBatch(ctx: CommandCtx, batchId: number): Promise<void> {
  authorizeType(ctx.actor, 'cert_batch', 'manage');
  const { n } = await ctx.trx
    .selectFrom('station_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId)
    .where('state', '=', 'recommended')
    .executeTakeFirstOrThrow();
  if (toInt(n) > 0) throw new AppError('BATCH_NOT_EMPTY_PENDING', { count: toInt(n) });
  const res = await ctx.trx
    .updateTable('cert_batches')
    .set({ state: 'closed', closed_at: nowIso() })
    .where('id', '=', batchId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const b = await ctx.trx
      .selectFrom('cert_batches')
      .select('state')
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (!b) throw new AppError('NOT_FOUND');
    throw new AppError('BATCH_CLOSED');
  }
  await writeAudit(ctx, { action: 'cert_batch.closed', entityType: 'cert_batch', entityId: batchId });
}
