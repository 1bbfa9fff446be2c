import type { DbOrTrx } from '../../../db/index.js';
import { AppError, type FieldError } from '../../../core/errors.js';

/** Refuses a username that is taken (the unique index catches a concurrent duplicate too). */
export async function assertUsernameFree(db: DbOrTrx, username: string, path = 'username'): Promise<void> {
  const hit = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (hit) throw new AppError('DUPLICATE', {}, [{ path, key: 'username_taken' }]);
}

/** Refuses an unknown region, or a non-district region where a district is required. */
export async function assertDistrict(db: DbOrTrx, regionId: number, path: string): Promise<void> {
  const r = await db.selectFrom('regions').select('kind').where('id', '=', regionId).executeTakeFirst();
  if (!r || r.kind !== 'district') {
    const f: FieldError = { path, key: 'unknown_region' };
    throw new AppError('VALIDATION_FAILED', {}, [f]);
  }
}
