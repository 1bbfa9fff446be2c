import { z } from 'zod';
import type { DbOrTrx } from '../../db/index.js';
import { nowIso } from '../../db/index.js';
import type { CommandCtx } from '../../core/context.js';
import { writeAudit } from '../../core/audit.js';

/** Security settings the security admin may change (等保 level 3 controls). */
export const SecuritySettingsSchema = z.object({
  /** Minutes of inactivity after which a session expires. */
  sessionIdleMinutes: z.number().int().min(5).max(480),
  /** Consecutive failed logins that lock an account. */
  maxFailedLogins: z.number().int().min(3).max(10),
  /** How long a locked account stays locked. */
  lockoutMinutes: z.number().int().min(5).max(1440),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

const KEY = 'security';

export function defaultSecuritySettings(sessionIdleMinutes: number): SecuritySettings {
  return { sessionIdleMinutes, maxFailedLogins: 5, lockoutMinutes: 15 };
}

export async function getSecuritySettings(
  db: DbOrTrx,
  defaults: SecuritySettings,
): Promise<SecuritySettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return defaults;
  const parsed = SecuritySettingsSchema.safeParse({ ...defaults, ...(JSON.parse(row.value) as object) });
  return parsed.success ? parsed.data : defaults;
}

export async function updateSecuritySettings(
  ctx: CommandCtx,
  defaults: SecuritySettings,
  next: SecuritySettings,
): Promise<SecuritySettings> {
  const before = await getSecuritySettings(ctx.trx, defaults);
  const now = nowIso();
  await ctx.trx
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(next), updated_at: now, updated_by: ctx.actor?.id ?? null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: JSON.stringify(next), updated_at: now, updated_by: ctx.actor?.id ?? null }),
    )
    .execute();
  await writeAudit(ctx, {
    action: 'settings.security_updated',
    entityType: 'settings',
    entityId: KEY,
    before,
    after: next,
  });
  return next;
}
