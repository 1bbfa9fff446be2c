import type { DbOrTrx } from '../../db/index.js';
import { nowIso } from '../../db/index.js';
import type { Role } from '../../../shared/roles.js';

export interface NewAccount {
  username: string;
  passwordHash: string;
  role: Role;
  displayName: string;
  regionId?: number | null;
  unitId?: number | null;
  email?: string;
  phone?: string;
  /** Staff accounts must change their initial password at first login. */
  mustChangePassword?: boolean;
}

/** The one place an account row is written: every account starts active, unlocked, with these stamps. */
export async function insertUser(db: DbOrTrx, a: NewAccount): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('users')
    .values({
      username: a.username,
      password_hash: a.passwordHash,
      role: a.role,
      display_name: a.displayName,
      region_id: a.regionId ?? null,
      unit_id: a.unitId ?? null,
      email: a.email ?? '',
      phone: a.phone ?? '',
      status: 'active',
      must_change_password: a.mustChangePassword ? 1 : 0,
      failed_logins: 0,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
