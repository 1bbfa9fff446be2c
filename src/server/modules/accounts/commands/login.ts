import type { Role } from '../../../../shared/roles.js';
import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { hitRateLimit } from '../../../core/rate-limit.js';
import { nowIso, type DbOrTrx } from '../../../db/index.js';
import type { SecuritySettings } from '../../settings/security.js';
import { hashPassword, verifyPassword } from '../password.js';
import { createSession } from '../sessions.js';

export type LoginResult = { ok: true; token: string; userId: number } | { ok: false; error: AppError };

let dummyHash: Promise<string> | undefined;

/** The outcome of checking the password outside any transaction (see `checkPassword`). */
export interface PasswordCheck {
  /** The stored hash the password was checked against (null: no such account). */
  hash: string | null;
  ok: boolean;
}

/**
 * Checks the password against the stored hash before the login's transaction opens: scrypt takes tens of
 * milliseconds, and inside a transaction it would hold a database connection that long (on SQLite, the only
 * one: every other request would wait). Unknown usernames cost the same time as wrong passwords.
 */
export async function checkPassword(
  db: DbOrTrx,
  input: { username: string; password: string },
): Promise<PasswordCheck> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (!row) {
    dummyHash ??= hashPassword('dummy-Password-1');
    await verifyPassword(input.password, await dummyHash);
    return { hash: null, ok: false };
  }
  return { hash: row.password_hash, ok: await verifyPassword(input.password, row.password_hash) };
}

/** Counts the attempt against the caller's address; false when the per-minute limit is used up. */
export async function countLoginAttempt(ctx: CommandCtx, ipLimitPerMinute: number): Promise<boolean> {
  return hitRateLimit(ctx.trx, `login:${ctx.ip}`, 60_000, ipLimitPerMinute);
}

/**
 * Applies a checked password: counts failures and locks the account after `maxFailedLogins` in a row, or
 * opens the session. A failure is returned, not thrown, so the failure count and its audit record commit; the
 * route throws the error afterwards. A password checked against a hash that changed meanwhile counts as wrong.
 */
export async function login(
  ctx: CommandCtx,
  input: { username: string; password: string },
  security: SecuritySettings,
  check: PasswordCheck,
): Promise<LoginResult> {
  const { trx } = ctx;
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
  if (!check.ok || check.hash !== user.password_hash) {
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
