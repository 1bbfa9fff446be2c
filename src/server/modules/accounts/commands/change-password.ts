import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { AppError, fieldError } from '../../../core/errors.js';
import { nowIso } from '../../../db/index.js';
import { hashPassword, verifyPassword } from '../password.js';
import { deleteUserSessions } from '../sessions.js';

/** Changes the caller's own password; other sessions of the account end. Clears the first-login flag. */
export async function changeOwnPassword(
  ctx: CommandCtx,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const user = await ctx.trx
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', ctx.actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash)))
    throw fieldError('currentPassword', 'wrong_password');
  if (input.currentPassword === input.newPassword) throw fieldError('newPassword', 'same_password');
  const now = nowIso();
  await ctx.trx
    .updateTable('users')
    .set({
      password_hash: await hashPassword(input.newPassword),
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    })
    .where('id', '=', ctx.actor.id)
    .execute();
  await deleteUserSessions(ctx.trx, ctx.actor.id, sessionId ?? undefined);
  await writeAudit(ctx, {
    action: 'account.password_changed',
    entityType: 'account',
    entityId: ctx.actor.id,
    regionId: ctx.actor.regionId,
  });
}
