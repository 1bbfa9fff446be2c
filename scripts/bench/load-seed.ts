/**
 * The population of the mixed-load benchmark on top of the hall's needs (hall-seed.ts): units up to
 * `units` (each with its account) and individual accounts with profiles up to `users` in all, every one with
 * the same real scrypt password so logins do the real work. Deterministic usernames: bench_load_i<n>.
 */
import { nowIso, type Db } from '../../src/server/db/index.js';
import { hashPassword } from '../../src/server/modules/accounts/password.js';

export const LOAD_PASSWORD = 'Bench#Load-2026';

async function chunked<T>(rows: T[], size: number, fn: (c: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

export async function seedPopulation(db: Db, units: number, users: number): Promise<{ individuals: number }> {
  const now = nowIso();
  const hash = await hashPassword(LOAD_PASSWORD);
  const regions = (await db.selectFrom('regions').select('id').where('kind', '=', 'district').execute()).map(
    (r) => r.id,
  );
  const haveUnits = (await db.selectFrom('units').select('id').execute()).length;
  const account = (username: string, role: string, regionId: number | null, unitId: number | null) => ({
    username,
    password_hash: hash,
    role,
    display_name: username,
    region_id: regionId,
    unit_id: unitId,
    email: '',
    phone: '',
    status: 'active' as const,
    must_change_password: 0,
    failed_logins: 0,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  });
  await db.transaction().execute(async (trx) => {
    const extra = Array.from({ length: Math.max(0, units - haveUnits) }, (_, i) => ({
      name: `负载测试单位${i}`,
      unit_type: 'enterprise',
      credit_code: `BENCHLOAD${String(i).padStart(9, '0')}`,
      registration_date: '2015-05-05',
      region_id: regions[i % regions.length]!,
      contact_name: '',
      contact_phone: '',
      contact_email: '',
      created_at: now,
      updated_at: now,
    }));
    await chunked(extra, 500, (c) => trx.insertInto('units').values(c).execute());
    const fresh = await trx
      .selectFrom('units')
      .select(['id', 'region_id'])
      .where('credit_code', 'like', 'BENCHLOAD%')
      .execute();
    await chunked(fresh, 500, (c) =>
      trx
        .insertInto('users')
        .values(c.map((u) => account(`bench_load_u${u.id}`, 'unit', u.region_id, u.id)))
        .execute(),
    );
  });
  const have = (await db.selectFrom('users').select('id').execute()).length;
  const individuals = Math.max(0, users - have);
  for (let start = 0; start < individuals; start += 5000) {
    await db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(5000, individuals - start) }, (_, k) =>
        account(`bench_load_i${start + k}`, 'individual', null, null),
      );
      await chunked(rows, 500, (c) => trx.insertInto('users').values(c).execute());
      const ids = await trx
        .selectFrom('users')
        .select('id')
        .where('username', 'like', 'bench_load_i%')
        .where('id', 'not in', trx.selectFrom('person_profiles').select('user_id'))
        .execute();
      await chunked(ids, 500, (c) =>
        trx
          .insertInto('person_profiles')
          .values(
            c.map((u) => ({
              user_id: u.id,
              name: `博士${u.id}`,
              degree: 'doctorate',
              postdoc_status: 'in_station',
              field: '新材料',
              institution: '重庆大学',
            })),
          )
          .execute(),
      );
    });
  }
  return { individuals };
}
