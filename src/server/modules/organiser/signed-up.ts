import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { nowIso } from '../../db/index.js';

/** Called in the sign-up's transaction: the live suggestions of this taker for this need become signed_up. */
export async function markSuggestionsSignedUp(
  ctx: CommandCtx,
  challengeId: number,
  leaderUserId: number,
  unitId: number | null,
): Promise<void> {
  let q = ctx.trx
    .selectFrom('suggestions')
    .select(['id', 'region_id'])
    .where('challenge_id', '=', challengeId)
    .where('state', '=', 'suggested');
  q =
    unitId !== null
      ? q.where('candidate_unit_id', '=', unitId)
      : q.where('candidate_user_id', '=', leaderUserId);
  for (const s of await q.execute()) {
    const done = await ctx.trx
      .updateTable('suggestions')
      .set({ state: 'signed_up', updated_at: nowIso() })
      .where('id', '=', s.id)
      .where('state', '=', 'suggested')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) continue;
    await writeAudit(ctx, {
      action: 'suggestion.signed_up',
      entityType: 'suggestion',
      entityId: s.id,
      regionId: s.region_id,
      before: { state: 'suggested' },
      after: { state: 'signed_up' },
    });
  }
}
