import { writeAudit } from '../../../core/audit.js';
import type { CommandCtx } from '../../../core/context.js';
import { AppError, fieldError } from '../../../core/errors.js';
import { enqueue } from '../../../core/outbox.js';
import type { DbOrTrx } from '../../../db/index.js';
import { nowIso } from '../../../db/index.js';
import { authorize, authorizeType, type ResourceMap } from '../../../policy/index.js';
import { OPERATOR_ROLES, roleNeedsDistrict, type Role, type StaffRole } from '../../../../shared/roles.js';
import { generatePassword, hashPassword } from '../password.js';
import { insertUser } from '../insert-user.js';
import type { CreateStaffInput } from '../schemas.js';
import { deleteUserSessions } from '../sessions.js';
import { assertDistrict, assertUsernameFree } from './guards.js';

/** The account as the policy sees it; 404 when it does not exist. */
export async function loadAccount(
  db: DbOrTrx,
  id: number,
): Promise<ResourceMap['account'] & { status: string }> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'role', 'region_id', 'unit_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!u) throw new AppError('NOT_FOUND');
  return { id: u.id, role: u.role as Role, regionId: u.region_id, unitId: u.unit_id, status: u.status };
}

async function resolveRegion(db: DbOrTrx, role: StaffRole, regionId: number | null): Promise<number | null> {
  if (!roleNeedsDistrict(role)) return null;
  if (regionId === null) throw fieldError('regionId', 'region_required');
  await assertDistrict(db, regionId, 'regionId');
  return regionId;
}

/**
 * The system admin creates a staff account with a random initial password, shown once; the account
 * must change it at first login.
 */
export async function createStaff(
  ctx: CommandCtx,
  input: CreateStaffInput,
): Promise<{ userId: number; initialPassword: string }> {
  authorizeType(ctx.actor, 'account', 'create');
  const { trx } = ctx;
  await assertUsernameFree(trx, input.username);
  const regionId = await resolveRegion(trx, input.role, input.regionId);
  const initialPassword = generatePassword();
  const row = {
    id: await insertUser(trx, {
      username: input.username,
      passwordHash: await hashPassword(initialPassword),
      role: input.role,
      displayName: input.displayName,
      regionId,
      email: input.email,
      phone: input.phone,
      mustChangePassword: true,
    }),
  };
  await writeAudit(ctx, {
    action: 'account.created',
    entityType: 'account',
    entityId: row.id,
    regionId,
    after: { username: input.username, role: input.role, regionId, displayName: input.displayName },
  });
  await enqueue(trx, 'notify', {
    userIds: [row.id],
    title: '欢迎使用博后通',
    body: '请在首次登录时修改初始密码。',
  });
  return { userId: row.id, initialPassword };
}

export async function resetPassword(ctx: CommandCtx, id: number): Promise<string> {
  const target = await loadAccount(ctx.trx, id);
  authorize(ctx.actor, 'account', 'reset_password', target);
  const pw = generatePassword();
  const now = nowIso();
  await ctx.trx
    .updateTable('users')
    .set({
      password_hash: await hashPassword(pw),
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await deleteUserSessions(ctx.trx, id);
  await writeAudit(ctx, {
    action: 'account.password_reset',
    entityType: 'account',
    entityId: id,
    regionId: target.regionId,
  });
  return pw;
}

/** Disable or enable an account (compare-and-set on status: a repeat is a conflict, not a no-op). */
export async function setAccountStatus(
  ctx: CommandCtx,
  id: number,
  to: 'active' | 'disabled',
): Promise<void> {
  const target = await loadAccount(ctx.trx, id);
  authorize(ctx.actor, 'account', to === 'disabled' ? 'disable' : 'enable', target);
  const from = to === 'disabled' ? 'active' : 'disabled';
  const res = await ctx.trx
    .updateTable('users')
    .set({ status: to, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    // Report the state as it is now: a concurrent request may have changed it since `target` was read.
    const current = await loadAccount(ctx.trx, id);
    throw new AppError('STATE_CONFLICT', { state: current.status });
  }
  if (to === 'disabled') await deleteUserSessions(ctx.trx, id);
  await writeAudit(ctx, {
    action: to === 'disabled' ? 'account.disabled' : 'account.enabled',
    entityType: 'account',
    entityId: id,
    regionId: target.regionId,
    before: { status: from },
    after: { status: to },
  });
}

/** The security admin assigns a staff account's role and region. */
export async function changeRole(
  ctx: CommandCtx,
  id: number,
  role: StaffRole,
  regionId: number | null,
): Promise<void> {
  const target = await loadAccount(ctx.trx, id);
  authorize(ctx.actor, 'account', 'change_role', target);
  if ((OPERATOR_ROLES as readonly string[]).includes(role)) throw fieldError('role', 'operator_role');
  const region = await resolveRegion(ctx.trx, role, regionId);
  await ctx.trx
    .updateTable('users')
    .set({ role, region_id: region, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await deleteUserSessions(ctx.trx, id);
  await writeAudit(ctx, {
    action: 'account.role_changed',
    entityType: 'account',
    entityId: id,
    regionId: region,
    before: { role: target.role, regionId: target.regionId },
    after: { role, regionId: region },
  });
}

export async function unlockAccount(ctx: CommandCtx, id: number): Promise<void> {
  const target = await loadAccount(ctx.trx, id);
  authorize(ctx.actor, 'account', 'unlock', target);
  await ctx.trx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await writeAudit(ctx, {
    action: 'account.unlocked',
    entityType: 'account',
    entityId: id,
    regionId: target.regionId,
  });
}
