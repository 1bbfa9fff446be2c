import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import type { ApiClient, ApiResponse } from '../test/client.js';
import { buildUser, loginAs, type TestUser } from '../test/factories.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import {
  bodyVariants,
  fillPath,
  HOSTILE_STRINGS,
  LEAK,
  operations,
  PATH_VALUES,
  queryWith,
  type Operation,
} from './fuzz-inputs.js';

/*
 * Issue #9 security review: every operation in /api/openapi.json, called by anonymous callers and by an
 * account of each business role with inputs generated from its schema — plausible, empty, wrong types,
 * hostile strings, malformed ids and query values. No answer may be a 5xx, show a stack trace, a file
 * path or a driver error, or come in another shape than the one error body; an anonymous caller gets
 * 401 from every operation that is not public.
 */
let t: TestApp;
const users = {} as Record<Role, TestUser>;
const clients = {} as Record<Role, ApiClient>;
const ROLES_FUZZED: Role[] = [
  'unit',
  'individual',
  'district_officer',
  'municipal_officer',
  'expert',
  'sys_admin',
];
/** Fuzzed with every variant; the other roles get the plausible request only. */
const DEEP: Role[] = ['municipal_officer', 'unit'];

beforeAll(async () => {
  t = await startTestApp({ isolated: true });
  for (const role of ROLES_FUZZED) {
    users[role] = await buildUser(t.db, role);
    clients[role] = await loginAs(t, users[role]);
  }
});
afterAll(async () => t.close());

interface Finding {
  who: string;
  call: string;
  status: number;
  excerpt: string;
}

function check(findings: Finding[], who: string, call: string, res: ApiResponse): void {
  const bad =
    res.status >= 500 ||
    LEAK.test(res.text) ||
    (res.status >= 400 && !(typeof res.body === 'object' && res.body !== null && 'error' in res.body));
  if (bad) findings.push({ who, call, status: res.status, excerpt: res.text.slice(0, 300) });
}

/** Calls with the role's client, logging in again when a call ended the session (logout, fuzzed password). */
async function call(role: Role, op: Operation, path: string, body?: unknown): Promise<ApiResponse> {
  const res = await clients[role].request(op.method, path, body === undefined ? {} : { body });
  if (res.status === 401) clients[role] = await loginAs(t, users[role]);
  return res;
}

const hasBody = (op: Operation) => op.method !== 'GET' && op.method !== 'DELETE';

describe('the fuzzer’s checker', () => {
  const res = (status: number, text: string): ApiResponse => ({
    status,
    text,
    body: text.startsWith('{') ? (JSON.parse(text) as unknown) : text,
    headers: new Headers(),
    setCookies: [],
  });
  it('flags a 5xx, a stack trace, a driver error and a bare error text, and passes the one error shape', () => {
    const f: Finding[] = [];
    check(f, 'x', 'a', res(500, '{"error":{"code":"INTERNAL","message":"m"}}'));
    check(
      f,
      'x',
      'b',
      res(400, '{"error":{"code":"X","message":"TypeError: x\\n    at foo (/work/main/src/a.ts:1:2)"}}'),
    );
    check(f, 'x', 'c', res(409, '{"error":{"code":"X","message":"SQLITE_CONSTRAINT_UNIQUE"}}'));
    check(f, 'x', 'd', res(400, 'Bad Request'));
    expect(f.map((x) => x.call)).toEqual(['a', 'b', 'c', 'd']);
    check(f, 'x', 'e', res(404, '{"error":{"code":"NOT_FOUND","message":"未找到"}}'));
    check(f, 'x', 'f', res(200, '{"items":[]}'));
    expect(f).toHaveLength(4);
  });
});

describe('API fuzzing from the OpenAPI description', () => {
  let ops: Operation[] = [];

  it('lists the operations', async () => {
    const doc = await t.client().get<Parameters<typeof operations>[0]>('/api/openapi.json');
    ops = operations(doc.body);
    expect(ops.length).toBeGreaterThan(150);
  });

  it('anonymous callers: no 5xx or leak anywhere, and 401 from every non-public operation', async () => {
    const findings: Finding[] = [];
    const answered: string[] = [];
    const anon = t.client();
    for (const op of ops) {
      const path = fillPath(op, '999999999');
      const res = await anon.request(op.method, path, hasBody(op) ? { body: {} } : {});
      check(findings, 'anonymous', `${op.method} ${path}`, res);
      if (res.status !== 401) answered.push(`${op.method} ${op.path}`);
    }
    expect(findings).toEqual([]);
    // Every operation an anonymous caller got past authentication on is one that is meant to be public.
    const publicPrefixes = [
      'GET /api/health',
      'GET /api/regions',
      '/api/auth/',
      'POST /api/accounts/register/',
      'GET /api/hall/',
      'GET /api/public/',
      '/api/verify/',
      'GET /api/stations/public',
      'GET /api/challenges/',
      'GET /api/station-applications/workflow',
      'GET /api/guides',
      'GET /api/confidentiality/', // the 保密书 texts, read before signing up
    ];
    const unexpected = answered.filter((r) => !publicPrefixes.some((p) => r.startsWith(p) || r.includes(p)));
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('logged-in callers of every role: malformed ids, queries and bodies never break the server', async () => {
    const findings: Finding[] = [];
    let calls = 0;
    for (const role of ROLES_FUZZED) {
      const deep = DEEP.includes(role);
      for (const op of ops) {
        const bodies = hasBody(op)
          ? deep
            ? bodyVariants(op.body)
            : [bodyVariants(op.body)[0]]
          : [undefined];
        const paths = op.path.includes('{') && deep ? PATH_VALUES : ['999999999'];
        for (const v of paths) {
          const path = fillPath(op, v);
          check(findings, role, `${op.method} ${path}`, await call(role, op, path, bodies[0]));
          calls++;
        }
        for (const body of bodies.slice(1)) {
          const path = fillPath(op, '999999999');
          const res = await call(role, op, path, body);
          check(findings, role, `${op.method} ${path} ${JSON.stringify(body).slice(0, 80)}`, res);
          calls++;
        }
        if (deep && op.method === 'GET' && op.params.some((p) => p.in === 'query')) {
          for (const h of [...HOSTILE_STRINGS.slice(0, 5), '-1', '1e309', '[]']) {
            const path = fillPath(op, '999999999') + queryWith(op, h);
            check(findings, role, `GET ${path.slice(0, 120)}`, await call(role, op, path));
            calls++;
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(findings).toEqual([]);
  }, 600_000);

  it('a malformed JSON text is a clear 400, for every operation that takes a body', async () => {
    const findings: Finding[] = [];
    for (const op of ops.filter(hasBody)) {
      const res = await clients.municipal_officer.request(op.method, fillPath(op, '999999999'), {
        raw: '{"a": [1, 2,,, }',
        contentType: 'application/json',
      });
      check(findings, 'municipal_officer', `${op.method} ${op.path} (bad JSON)`, res);
      if (res.status === 401) clients.municipal_officer = await loginAs(t, users.municipal_officer);
    }
    expect(findings).toEqual([]);
  }, 120_000);
});
