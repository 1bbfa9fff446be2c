import { randomBytes, randomInt } from 'node:crypto';
import { nowIso, type Db } from '../db/index.js';
import type { RegionRow, UnitRow } from '../db/schema.js';
import { hashPassword } from '../modules/accounts/password.js';
import { creditCodeCheckChar } from '../../shared/credit-code.js';
import type { Role } from '../../shared/roles.js';
import type { ApiClient } from './client.js';
import type { TestApp } from './harness.js';

/*
 * Factories in the manner of outline's server/test/factories.ts: every test makes its own district,
 * units and accounts with unique names and codes, so tests run in parallel on one shared database.
 */

export const TEST_PASSWORD = 'Test@2026-pass';
let testPasswordHash: Promise<string> | undefined;

let seq = 0;
/** A unique lower-case token (≤ 20 characters), usable in usernames and codes. */
export function uniq(prefix = 't'): string {
  seq += 1;
  return `${prefix}${process.pid.toString(36)}${seq.toString(36)}${randomBytes(3).toString('hex')}`;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A random, valid unified social credit code (Chongqing prefix 915000…). */
export function creditCode(): string {
  let body = '915000';
  while (body.length < 17) body += ALPHABET[randomInt(ALPHABET.length)];
  return body + creditCodeCheckChar(body)!;
}

export async function buildDistrict(db: Db, over: Partial<RegionRow> = {}): Promise<RegionRow> {
  const code = uniq('T').toUpperCase();
  return db
    .insertInto('regions')
    .values({
      code,
      name: `测试区${code}`,
      name_en: `Test District ${code}`,
      phone: String(randomInt(10_000_000, 99_999_999)),
      kind: 'district',
      sort: 1000,
      service_guide: '',
      ...over,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function municipalRegionId(db: Db): Promise<number> {
  const r = await db
    .selectFrom('regions')
    .select('id')
    .where('kind', '=', 'municipal')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function buildUnit(db: Db, over: Partial<UnitRow> = {}): Promise<UnitRow> {
  const regionId = over.region_id ?? (await buildDistrict(db)).id;
  const now = nowIso();
  const token = uniq('u');
  return db
    .insertInto('units')
    .values({
      name: `测试单位${token}`,
      unit_type: 'enterprise',
      credit_code: creditCode(),
      registration_date: '2015-06-01',
      contact_name: '张三',
      contact_phone: `023-${randomInt(10_000_000, 99_999_999)}`,
      contact_email: `${token}@example.org`,
      created_at: now,
      updated_at: now,
      ...over,
      region_id: regionId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface TestUser {
  id: number;
  username: string;
  password: string;
  role: Role;
  regionId: number | null;
  unitId: number | null;
  displayName: string;
}

export interface UserOptions {
  regionId?: number | null;
  unitId?: number | null;
  password?: string;
  mustChangePassword?: boolean;
  status?: 'active' | 'disabled';
  email?: string;
  username?: string;
}

/**
 * An account of any role, inserted directly. A unit account gets a unit (in a new district) unless
 * one is given; a district officer gets a new district unless one is given.
 */
export async function buildUser(db: Db, role: Role, o: UserOptions = {}): Promise<TestUser> {
  let regionId = o.regionId ?? null;
  let unitId = o.unitId ?? null;
  if (role === 'unit' && unitId === null) {
    const unit = await buildUnit(db, regionId ? { region_id: regionId } : {});
    unitId = unit.id;
    regionId = unit.region_id;
  } else if (role === 'unit' && regionId === null) {
    const unit = await db
      .selectFrom('units')
      .select('region_id')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    regionId = unit.region_id;
  }
  if (role === 'district_officer' && regionId === null) regionId = (await buildDistrict(db)).id;
  const password = o.password ?? TEST_PASSWORD;
  const hash =
    password === TEST_PASSWORD
      ? await (testPasswordHash ??= hashPassword(TEST_PASSWORD))
      : await hashPassword(password);
  const username = o.username ?? uniq(role.slice(0, 3));
  const now = nowIso();
  const displayName = `用户${username}`;
  const row = await db
    .insertInto('users')
    .values({
      username,
      password_hash: hash,
      role,
      display_name: displayName,
      region_id: regionId,
      unit_id: unitId,
      email: o.email ?? '',
      phone: '',
      status: o.status ?? 'active',
      must_change_password: o.mustChangePassword ? 1 : 0,
      failed_logins: 0,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, username, password, role, regionId, unitId, displayName };
}

/** A new client logged in as `user` (asserts the login succeeded). */
export async function loginAs(t: TestApp, user: Pick<TestUser, 'username' | 'password'>): Promise<ApiClient> {
  const c = t.client();
  const res = await c.post('/api/auth/login', { username: user.username, password: user.password });
  if (res.status !== 200) throw new Error(`login of ${user.username} failed: ${res.status} ${res.text}`);
  return c;
}

/** An account of `role` and a client logged in as it. */
export async function buildActor(
  t: TestApp,
  role: Role,
  o: UserOptions = {},
): Promise<{ user: TestUser; client: ApiClient }> {
  const user = await buildUser(t.db, role, o);
  return { user, client: await loginAs(t, user) };
}

/** A valid unit registration body (override parts with spread). */
export function unitRegistration(regionId: number) {
  return {
    username: uniq('reg'),
    password: 'Reg@2026-pass',
    unit: {
      name: `重庆测试科技有限公司${uniq('n')}`,
      unitType: 'enterprise',
      creditCode: creditCode(),
      registrationDate: '2018-03-15',
      regionId,
      contactName: '李四',
      contactPhone: '023-66668888',
      contactEmail: 'hr@example.org',
    },
  };
}

/** A valid individual registration body. */
export function individualRegistration() {
  return {
    username: uniq('ind'),
    password: 'Ind@2026-pass',
    person: {
      name: '王博士',
      degree: 'doctorate',
      postdocStatus: 'in_station',
      field: '新材料',
      institution: '重庆大学',
      email: 'wang@example.org',
      phone: '13800000000',
    },
  };
}
