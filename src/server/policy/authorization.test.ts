import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../db/index.js';
import type { UnitRow } from '../db/schema.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { expectError, type ApiClient, type ApiResponse } from '../test/client.js';
import {
  buildActor,
  buildUnit,
  buildUser,
  individualRegistration,
  uniq,
  unitRegistration,
  type TestUser,
} from '../test/factories.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { COVERED_ELSEWHERE, PUBLIC } from './authorization-routes.js';

/*
 * Who may call which endpoint: every route of the app against anonymous callers and one account of
 * each role. Refusals must be the exact error (401 / 403 / 404 per the policy) and reveal nothing of
 * the entity; a new route fails the coverage check until it is added here or to its module's tests.
 */

type Outcome = number | [number, string];
interface Row {
  /** Method and OpenAPI path, as listed in /api/openapi.json. */
  route: string;
  url?: (fx: Fixture) => string | Promise<string>;
  body?: (fx: Fixture) => unknown;
  anonymous: Outcome;
  roles?: Partial<Record<Role, Outcome>>;
  /** Every role not named in `roles`. */
  others: Outcome;
  /** Log in a new account of the role for this call (the call ends the session). */
  fresh?: boolean;
  /** Strings of the entity that a refusal must not contain. */
  secrets?: (fx: Fixture) => string[];
}

interface Fixture {
  t: TestApp;
  clients: Record<Role, ApiClient>;
  users: Record<Role, TestUser>;
  unitA: UnitRow;
  target: TestUser;
  foreignNotification: number;
}

const U401: Outcome = [401, 'UNAUTHENTICATED'];
const F403: Outcome = [403, 'FORBIDDEN'];
const N404: Outcome = [404, 'NOT_FOUND'];
const SECURITY_DEFAULTS = { sessionIdleMinutes: 30, maxFailedLogins: 5, lockoutMinutes: 15 };

const freshExpert = async (fx: Fixture, status: 'active' | 'disabled' = 'active'): Promise<number> =>
  (await buildUser(fx.t.db, 'expert', { status })).id;
const targetSecrets = (fx: Fixture): string[] => [fx.target.username, fx.target.displayName];

const ROWS: Row[] = [
  { route: 'GET /api/health', anonymous: 200, others: 200 },
  { route: 'GET /api/openapi.json', anonymous: 200, others: 200 },
  { route: 'GET /api/regions', anonymous: 200, others: 200 },
  { route: 'GET /api/auth/session', anonymous: 200, others: 200 },
  {
    route: 'POST /api/auth/login',
    body: () => ({ username: uniq('nobody'), password: 'Wrong#pass1' }),
    anonymous: [401, 'BAD_CREDENTIALS'],
    others: [401, 'BAD_CREDENTIALS'],
  },
  { route: 'POST /api/auth/logout', anonymous: 200, others: 200, fresh: true },
  {
    route: 'POST /api/auth/password',
    body: () => ({ currentPassword: 'Wrong#pass1', newPassword: 'Fresh#Pass2026' }),
    anonymous: U401,
    others: [400, 'VALIDATION_FAILED'],
  },
  {
    route: 'POST /api/accounts/register/unit',
    body: (fx) => unitRegistration(fx.unitA.region_id),
    anonymous: 201,
    others: 201,
  },
  {
    route: 'POST /api/accounts/register/individual',
    body: () => individualRegistration(),
    anonymous: 201,
    others: 201,
  },
  {
    route: 'GET /api/users',
    url: () => '/api/users?pageSize=1',
    anonymous: U401,
    roles: { sys_admin: 200, sec_admin: 200 },
    others: F403,
  },
  {
    route: 'POST /api/users',
    body: () => ({ username: uniq('new'), displayName: '新账号', role: 'expert' }),
    anonymous: U401,
    roles: { sys_admin: 201 },
    others: F403,
  },
  {
    route: 'GET /api/users/{id}',
    url: (fx) => `/api/users/${fx.target.id}`,
    anonymous: U401,
    roles: { sys_admin: 200, sec_admin: 200 },
    others: N404,
    secrets: targetSecrets,
  },
  ...(['reset-password', 'disable', 'enable'] as const).map((action): Row => ({
    route: `POST /api/users/{id}/${action}`,
    url: async (fx) =>
      `/api/users/${await freshExpert(fx, action === 'enable' ? 'disabled' : 'active')}/${action}`,
    anonymous: U401,
    roles: { sys_admin: 200, sec_admin: F403 },
    others: N404,
  })),
  {
    route: 'POST /api/users/{id}/role',
    url: async (fx) => `/api/users/${await freshExpert(fx)}/role`,
    body: () => ({ role: 'municipal_officer', regionId: null }),
    anonymous: U401,
    roles: { sec_admin: 200, sys_admin: F403 },
    others: N404,
  },
  {
    route: 'POST /api/users/{id}/unlock',
    url: async (fx) => `/api/users/${await freshExpert(fx)}/unlock`,
    anonymous: U401,
    roles: { sec_admin: 200, sys_admin: F403 },
    others: N404,
  },
  {
    route: 'GET /api/units',
    anonymous: U401,
    roles: { municipal_officer: 200, district_officer: 200 },
    others: F403,
  },
  {
    route: 'GET /api/units/{id}',
    url: (fx) => `/api/units/${fx.unitA.id}`,
    anonymous: U401,
    roles: { municipal_officer: 200, district_officer: 200, unit: 200 },
    others: N404,
    secrets: (fx) => [fx.unitA.name, fx.unitA.credit_code, fx.unitA.contact_email],
  },
  {
    route: 'GET /api/audit',
    url: () => '/api/audit?pageSize=1',
    anonymous: U401,
    roles: { audit_admin: 200 },
    others: F403,
  },
  { route: 'GET /api/audit/verify', anonymous: U401, roles: { audit_admin: 200 }, others: F403 },
  {
    route: 'GET /api/settings/security',
    anonymous: U401,
    roles: { sys_admin: 200, sec_admin: 200 },
    others: F403,
  },
  {
    // Writes the defaults back, so files sharing the database see no change.
    route: 'PUT /api/settings/security',
    body: () => SECURITY_DEFAULTS,
    anonymous: U401,
    roles: { sec_admin: 200 },
    others: F403,
  },
  { route: 'GET /api/policy', anonymous: U401, roles: { sec_admin: 200, audit_admin: 200 }, others: F403 },
  { route: 'GET /api/notifications', anonymous: U401, others: 200 },
  {
    route: 'POST /api/notifications/{id}/read',
    url: (fx) => `/api/notifications/${fx.foreignNotification}/read`,
    anonymous: U401,
    others: N404,
  },
  { route: 'POST /api/notifications/read-all', anonymous: U401, others: 200 },
  {
    route: 'GET /api/regions/{id}',
    url: (fx) => `/api/regions/${fx.unitA.region_id}`,
    anonymous: 200,
    others: 200,
  },
  {
    route: 'PUT /api/regions/{id}/guide',
    url: (fx) => `/api/regions/${fx.unitA.region_id}/guide`,
    body: () => ({
      talentCard: '',
      schooling: '',
      healthCare: '',
      housing: '',
      spouseEmployment: '',
      transport: '',
      academicExchange: '',
    }),
    anonymous: U401,
    roles: { municipal_officer: 200, district_officer: 200 },
    others: F403,
  },
  {
    route: 'GET /api/confidentiality/{side}',
    url: () => '/api/confidentiality/taker',
    anonymous: 200,
    others: 200,
  },
  {
    route: 'GET /api/signups/mine',
    anonymous: U401,
    roles: { unit: 200, individual: 200 },
    others: F403,
  },
  {
    route: 'GET /api/challenges/mine/export.xlsx',
    anonymous: U401,
    roles: { unit: 200, individual: 200 },
    others: F403,
  },
  ...['stations', 'applications', 'recruits', 'at-risk'].flatMap((kind): Row[] =>
    ['', '/export.xlsx'].map((suffix) => ({
      route: `GET /api/stats/${kind}${suffix}`,
      anonymous: U401,
      roles: { municipal_officer: 200, district_officer: 200 },
      others: F403,
    })),
  ),
  ...['/api/agreement-templates', '/api/agreements/register', '/api/agreements/register/export.xlsx'].map(
    (path): Row => ({
      route: `GET ${path}`,
      anonymous: U401,
      roles: { municipal_officer: 200, district_officer: 200 },
      others: F403,
    }),
  ),
  {
    route: 'GET /api/agreements/mine',
    anonymous: U401,
    roles: { unit: 200, individual: 200 },
    others: F403,
  },
];

let fx: Fixture;
let appRoutes: Array<{ key: string; hasBody: boolean }>;
beforeAll(async () => {
  const t = await startTestApp();
  const unitA = await buildUnit(t.db);
  const clients = {} as Record<Role, ApiClient>;
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) {
    const opts =
      role === 'unit'
        ? { unitId: unitA.id }
        : role === 'district_officer'
          ? { regionId: unitA.region_id }
          : {};
    const { client, user } = await buildActor(t, role, opts);
    clients[role] = client;
    users[role] = user;
  }
  const target = await buildUser(t.db, 'expert');
  const note = await t.db
    .insertInto('notifications')
    .values({ user_id: target.id, title: 'private', body: '', link: '', created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  fx = { t, clients, users, unitA, target, foreignNotification: note.id };
  const spec = await t
    .client()
    .get<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/api/openapi.json');
  appRoutes = Object.entries(spec.body.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([m, op]) => ({
      key: `${m.toUpperCase()} ${p}`,
      hasBody: op.requestBody !== undefined,
    })),
  );
  appRoutes.push({ key: 'GET /api/openapi.json', hasBody: false });
});
afterAll(async () => {
  await fx.t.close();
});

const show = (o: Outcome): string => (typeof o === 'number' ? String(o) : `${o[0]} ${o[1]}`);
function outcomeOf(res: ApiResponse): string {
  if (res.status < 400) return String(res.status);
  const code = (res.body as { error?: { code?: string } }).error?.code ?? '?';
  return `${res.status} ${code}`;
}

async function call(row: Row, client: ApiClient): Promise<ApiResponse> {
  const [method, path] = row.route.split(' ') as [string, string];
  const url = row.url ? await row.url(fx) : path;
  return client.request(method, url, row.body ? { body: row.body(fx) } : {});
}

function checkRefusal(row: Row, res: ApiResponse): void {
  if (res.status < 400) return;
  const [status, code] = outcomeOf(res).split(' ');
  expectError(res, Number(status), code!);
  for (const s of row.secrets?.(fx) ?? []) expect(res.text).not.toContain(s);
}

describe('authorisation matrix', () => {
  it.each(ROWS.map((r) => [r.route, r] as const))('%s', async (_name, row) => {
    const want: Record<string, string> = { anonymous: show(row.anonymous) };
    const got: Record<string, string> = {};
    const anon = await call(row, fx.t.client());
    got.anonymous = outcomeOf(anon);
    checkRefusal(row, anon);
    for (const role of ROLES) {
      want[role] = show(row.roles?.[role] ?? row.others);
      const client = row.fresh ? (await buildActor(fx.t, role)).client : fx.clients[role];
      const res = await call(row, client);
      got[role] = outcomeOf(res);
      checkRefusal(row, res);
    }
    expect(got).toEqual(want);
  });

  it('covers every route of the app', () => {
    const inTable = new Set(ROWS.map((r) => r.route));
    const uncovered = appRoutes
      .map((r) => r.key)
      .filter((k) => !inTable.has(k))
      .filter((k) => {
        const owner = COVERED_ELSEWHERE.find(([prefix]) => k.split(' ')[1]!.startsWith(prefix));
        return !owner || !fs.existsSync(owner[1]);
      });
    expect(uncovered).toEqual([]);
    const gone = [...inTable].filter((k) => !appRoutes.some((r) => r.key === k));
    expect(gone).toEqual([]);
  });

  it('every other route without a body refuses anonymous callers with 401', async () => {
    const inTable = new Set(ROWS.map((r) => r.route));
    const others = appRoutes.filter((r) => !inTable.has(r.key) && !PUBLIC.has(r.key) && !r.hasBody);
    const got: Record<string, string> = {};
    for (const r of others) {
      const [method, path] = r.key.split(' ') as [string, string];
      const url = path.replace(/\{id\}/g, '1').replace(/\{action\}/g, 'submit');
      got[r.key] = outcomeOf(await fx.t.client().request(method, url));
    }
    expect(got).toEqual(Object.fromEntries(others.map((r) => [r.key, show(U401)])));
  });

  it('a district officer and a unit account get nothing of another district’s unit', async () => {
    const other = await buildUnit(fx.t.db);
    for (const role of ['district_officer', 'unit'] as const) {
      const res = await fx.clients[role].get(`/api/units/${other.id}`);
      expectError(res, 404, 'NOT_FOUND');
      for (const s of [other.name, other.credit_code, other.contact_email]) expect(res.text).not.toContain(s);
    }
    const list = await fx.clients.district_officer.get<{
      items: Array<{ id: number; region: { id: number } }>;
    }>('/api/units?pageSize=100');
    expect(list.body.items.map((u) => u.id)).toContain(fx.unitA.id);
    expect(list.body.items.map((u) => u.id)).not.toContain(other.id);
    expect(new Set(list.body.items.map((u) => u.region.id))).toEqual(new Set([fx.unitA.region_id]));
  });
});
