import fs from 'node:fs';
import { expect, request, type APIRequestContext, type APIResponse } from '@playwright/test';
import { creditCodeCheckChar } from '../../src/shared/credit-code.js';
import { BASE_URL, DATA_DIR, E2E_PASSWORD, STATE_FILE } from './env.js';

/** A logged-in (or anonymous) API session with the CSRF header set on unsafe calls. */
export class Api {
  private constructor(
    readonly ctx: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async open(): Promise<Api> {
    const ctx = await request.newContext({
      baseURL: BASE_URL,
      extraHTTPHeaders: { 'Accept-Language': 'zh-CN' },
    });
    await ctx.get('/api/auth/session');
    const csrf = (await ctx.storageState()).cookies.find((c) => c.name === 'bohou_csrf')?.value;
    if (!csrf) throw new Error('no CSRF cookie from /api/auth/session');
    return new Api(ctx, csrf);
  }

  async get<T>(url: string): Promise<T> {
    return json<T>(await this.ctx.get(url));
  }

  async post<T>(url: string, data: unknown = {}): Promise<T> {
    return json<T>(await this.ctx.post(url, { data, headers: { 'x-csrf-token': this.csrf } }));
  }

  async login(username: string, password: string): Promise<{ user: { mustChangePassword: boolean } }> {
    return this.post('/api/auth/login', { username, password });
  }

  async dispose(): Promise<void> {
    await this.ctx.dispose();
  }
}

async function json<T>(res: APIResponse): Promise<T> {
  const body = (await res.json()) as T;
  expect(res.ok(), `${res.url()} → ${res.status()} ${JSON.stringify(body)}`).toBe(true);
  return body;
}

/** A short unique suffix, so reruns and retries never collide on usernames or credit codes. */
export function uniq(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(-7);
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A random valid 统一社会信用代码 (企业, Chongqing 500103 prefix). */
export function validCreditCode(): string {
  let body = '91500103';
  for (let i = 0; i < 9; i++) body += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
  return body + creditCodeCheckChar(body)!;
}

/** The same code with a wrong check character. */
export function invalidCreditCode(): string {
  const good = validCreditCode();
  const last = good[17]!;
  const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(last) + 1) % CODE_ALPHABET.length]!;
  return good.slice(0, 17) + wrong;
}

export function initialAdminPassword(): string {
  const text = fs.readFileSync(`${DATA_DIR}/initial-admin.txt`, 'utf8');
  const m = /password: (\S+)/.exec(text);
  if (!m) throw new Error('initial-admin.txt has no password line');
  return m[1]!;
}

interface State {
  adminPassword: string;
}

export function saveState(state: State): void {
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}

/** The system admin, logged in; the first-start spec has changed its password (project dependency). */
export async function adminApi(): Promise<Api> {
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as State;
  const api = await Api.open();
  await api.login('sysadmin', state.adminPassword);
  return api;
}

export async function regionId(name: string): Promise<number> {
  const api = await Api.open();
  const { items } = await api.get<{ items: { id: number; name: string }[] }>(
    `/api/regions?q=${encodeURIComponent(name)}&kind=district`,
  );
  await api.dispose();
  const hit = items.find((r) => r.name === name);
  if (!hit) throw new Error(`no district ${name}`);
  return hit.id;
}

/** Creates a staff account as the system admin; returns its initial password. */
export async function createStaff(input: {
  username: string;
  displayName: string;
  role: string;
  regionId?: number | null;
}): Promise<string> {
  const admin = await adminApi();
  const out = await admin.post<{ initialPassword: string }>('/api/users', { regionId: null, ...input });
  await admin.dispose();
  return out.initialPassword;
}

export async function registerUnit(input: {
  username: string;
  name: string;
  regionId: number;
}): Promise<string> {
  const api = await Api.open();
  const creditCode = validCreditCode();
  await api.post('/api/accounts/register/unit', {
    username: input.username,
    password: E2E_PASSWORD,
    unit: {
      name: input.name,
      unitType: 'enterprise',
      creditCode,
      registrationDate: '2019-06-18',
      regionId: input.regionId,
      contactName: '张三',
      contactPhone: '023-12345678',
      contactEmail: `${input.username}@example.cn`,
    },
  });
  await api.dispose();
  return creditCode;
}

/** Registers a PhD (in a postdoc station) through the individual registration API, password E2E_PASSWORD. */
export async function registerIndividual(
  username: string,
  name: string,
  field = '新能源材料',
): Promise<void> {
  const api = await Api.open();
  await api.post('/api/accounts/register/individual', {
    username,
    password: E2E_PASSWORD,
    person: {
      name,
      degree: 'doctorate',
      postdocStatus: 'in_station',
      field,
      institution: '重庆大学',
      email: `${username}@example.cn`,
      phone: '13800003333',
    },
  });
  await api.dispose();
}
