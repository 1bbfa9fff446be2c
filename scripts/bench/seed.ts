/**
 * Seeds a fresh database with a city-sized station registry for benchmarks: units, one unit account
 * each, district officers, stations certified over the last eight years and their recruitment
 * history. Deterministic (a seeded PRNG), batched multi-row inserts in one transaction per table.
 */
import { nowIso, type Db, type Trx } from '../../src/server/db/index.js';
import { creditCodeCheckChar } from '../../src/shared/credit-code.js';
import { addYears } from '../../src/shared/stations/adjustment.js';

/** mulberry32: a small, fast, seeded PRNG (the same data on every run and both engines). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The i-th valid credit code of the bench (unique per i). */
function creditCode(i: number): string {
  let body = '';
  let n = i;
  for (let k = 0; k < 11; k++) {
    body = ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `915000${body}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** A date `days` days before `today` (YYYY-MM-DD). */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

async function insertChunked<T>(
  db: Db,
  rows: T[],
  size: number,
  insert: (trx: Trx, chunk: T[]) => Promise<unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += size) await insert(trx, rows.slice(i, i + size));
  });
}

export interface SeedReport {
  stations: number;
  recruits: number;
  units: number;
  users: number;
}

/**
 * `n` stations in the 41 districts: certified 0–8 years before `today`; 85 % with recruits whose
 * latest entry lies 0–5 years back (1–4 entries each), 15 % with none; 90 % active, 10 % already in
 * rectification (some since recruited again, some overdue).
 */
export async function seedStations(db: Db, n: number, today: string, seed = 20241205): Promise<SeedReport> {
  const rnd = prng(seed);
  const now = nowIso();
  const regions = (await db.selectFrom('regions').select('id').where('kind', '=', 'district').execute()).map(
    (r) => r.id,
  );
  const city = await db
    .insertInto('users')
    .values({
      username: 'bench_city',
      password_hash: 'x',
      role: 'municipal_officer',
      display_name: '市博管办',
      region_id: null,
      unit_id: null,
      email: '',
      phone: '',
      status: 'active',
      must_change_password: 0,
      failed_logins: 0,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = (username: string, role: string, regionId: number | null, unitId: number | null) => ({
    username,
    password_hash: 'x',
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
  await insertChunked(db, regions, 500, (trx, chunk) =>
    trx
      .insertInto('users')
      .values(
        chunk.flatMap((r) => [
          user(`bench_d${r}a`, 'district_officer', r, null),
          user(`bench_d${r}b`, 'district_officer', r, null),
        ]),
      )
      .execute(),
  );

  const unitRows = Array.from({ length: n }, (_, i) => ({
    name: `基准测试单位${i + 1}`,
    unit_type: 'enterprise',
    credit_code: creditCode(i + 1),
    registration_date: '2010-01-01',
    region_id: regions[i % regions.length]!,
    contact_name: '',
    contact_phone: '',
    contact_email: '',
    created_at: now,
    updated_at: now,
  }));
  await insertChunked(db, unitRows, 2000, (trx, chunk) => trx.insertInto('units').values(chunk).execute());
  const units = await db.selectFrom('units').select(['id', 'region_id']).orderBy('id').execute();
  await insertChunked(db, units, 2000, (trx, chunk) =>
    trx
      .insertInto('users')
      .values(chunk.map((u) => user(`bench_u${u.id}`, 'unit', u.region_id, u.id)))
      .execute(),
  );

  const stationRows = units.map((u, i) => {
    const certified = daysBefore(today, Math.floor(rnd() * 8 * 365));
    const rectification = rnd() < 0.1;
    return {
      number: `BENCH-${String(i + 1).padStart(6, '0')}`,
      unit_id: u.id,
      region_id: u.region_id,
      level: 'municipal',
      national_cultivation: rnd() < 0.05 ? 1 : 0,
      status: rectification ? ('rectification' as const) : ('active' as const),
      certified_at: `${certified}T00:00:00.000Z`,
      created_at: now,
      status_changed_at: rectification ? now : null,
    };
  });
  await insertChunked(db, stationRows, 2000, (trx, chunk) =>
    trx.insertInto('stations').values(chunk).execute(),
  );
  const stations = await db.selectFrom('stations').select(['id', 'certified_at']).orderBy('id').execute();

  const recruitRows: Array<{
    station_id: number;
    name: string;
    id_number_enc: string;
    id_number_hash: string;
    id_last4: string;
    supervisor: string;
    mobile_station: string;
    project: string;
    entry_date: string;
    exit_date: string | null;
    created_by: number;
    created_at: string;
    updated_at: string;
  }> = [];
  for (const s of stations) {
    if (rnd() < 0.15) continue;
    const certified = s.certified_at.slice(0, 10);
    const latest = daysBefore(today, Math.floor(rnd() * 5 * 365));
    if (latest < certified) continue;
    const count = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < count; k++) {
      const entry = k === 0 ? latest : daysBefore(latest, Math.floor(rnd() * 3 * 365));
      if (entry < certified) break;
      const exit = addYears(entry, 2);
      recruitRows.push({
        station_id: s.id,
        name: `博士后${s.id}-${k}`,
        id_number_enc: 'bench',
        id_number_hash: `bench-${s.id}-${k}`,
        id_last4: '0000',
        supervisor: '导师',
        mobile_station: '重庆大学',
        project: '研究项目',
        entry_date: entry,
        exit_date: exit <= today ? exit : null,
        created_by: city.id,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await insertChunked(db, recruitRows, 2000, (trx, chunk) =>
    trx.insertInto('recruits').values(chunk).execute(),
  );
  return {
    stations: stations.length,
    recruits: recruitRows.length,
    units: units.length,
    users: units.length + regions.length * 2 + 1,
  };
}
