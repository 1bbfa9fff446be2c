import type { Role } from '../../../../shared/roles.js';
import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { hitRateLimit } from '../../../core/rate-limit.js';
import { nowIso } from '../../../db/index.js';
import type { SecuritySettings } from '../../settings/security.js';
import { hashPassword, verifyPassword } from '../password.js';
import { createSession } from '../sessions.js';

export type LoginResult = { ok: true; token: string; userId: number } | { ok: false; error: AppError };

let dummyHash: Promise<string> | undefined;

/**
 * Checks credentials, counts failures and locks the account after `maxFailedLogins` in a row.
 * A failure is returned, not thrown, so the failure count and its audit record commit; the route
 * throws the error afterwards. Unknown usernames cost the same time as wrong passwords.
 */
export async function login(
  ctx: CommandCtx,
  input: { username: string; password: string },
  security: SecuritySettings,
  ipLimitPerMinute: number,
): Promise<LoginResult> {
  const { trx } = ctx;
  if (!(await hitRateLimit(trx, `login:${ctx.ip}`, 60_000, ipLimitPerMinute))) {
    return { ok: false, error: new AppError('RATE_LIMITED') };
  }
  const user = await trx
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'role',
      'region_id',
      'unit_id',
      'password_hash',
      'status',
      'failed_logins',
      'locked_until',
    ])
    .where('username', '=', input.username)
    .executeTakeFirst();
  const now = new Date();
  if (!user) {
    dummyHash ??= hashPassword('dummy-Password-1');
    await verifyPassword(input.password, await dummyHash);
    await writeAudit(ctx, {
      action: 'auth.login_failed',
      entityType: 'account',
      entityId: input.username.slice(0, 64),
      after: { reason: 'unknown_user' },
    });
    return { ok: false, error: new AppError('BAD_CREDENTIALS') };
  }
  const audited: CommandCtx = {
    ...ctx,
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      regionId: user.region_id,
      unitId: user.unit_id,
    },
  };

  if (user.locked_until && user.locked_until > now.toISOString()) {
    const minutes = Math.max(1, Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 60_000));
    await writeAudit(audited, {
      action: 'auth.login_refused_locked',
      entityType: 'account',
      entityId: user.id,
    });
    return { ok: false, error: new AppError('ACCOUNT_LOCKED', { minutes }) };
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    // Counted in the database (not from the value read above), so parallel attempts are all counted.
    const counted = await trx
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), updated_at: nowIso() }))
      .where('id', '=', user.id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    const failures = counted.failed_logins;
    const lock = failures >= security.maxFailedLogins;
    if (lock) {
      const lockedUntil = new Date(now.getTime() + security.lockoutMinutes * 60_000).toISOString();
      await trx
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
    }
    await writeAudit(audited, {
      action: lock ? 'auth.account_locked' : 'auth.login_failed',
      entityType: 'account',
      entityId: user.id,
      after: { failures },
    });
    return {
      ok: false,
      error: lock
        ? new AppError('ACCOUNT_LOCKED', { minutes: security.lockoutMinutes })
        : new AppError('BAD_CREDENTIALS'),
    };
  }
  if (user.status !== 'active') {
    await writeAudit(audited, {
      action: 'auth.login_refused_disabled',
      entityType: 'account',
      entityId: user.id,
    });
    return { ok: false, error: new AppError('ACCOUNT_DISABLED') };
  }
  await trx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  const session = await createSession(trx, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
  await writeAudit(audited, {
    action: 'auth.login',
    entityType: 'account',
    entityId: user.id,
    regionId: user.region_id,
  });
  return { ok: true, token: session.token, userId: user.id };
}
