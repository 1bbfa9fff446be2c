import { storedLang } from '../i18n/storage';
import type { Lang } from '../i18n/types';

/** One field the server refused, with a dotted path such as `unit.creditCode`. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/** Every failed call throws this: the server's `{ error: { code, message, fields } }`, or NETWORK. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes that mean "you are not (or no longer) allowed in": the shell reacts to them. */
export const AUTH_CODES = ['SESSION_EXPIRED', 'UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED'] as const;
export type AuthCode = (typeof AUTH_CODES)[number];

let lang: Lang = storedLang();
let onAuthError: ((code: AuthCode) => void) | null = null;
/** The server reports an idle session as expired once, then as absent; remember that it expired. */
let sawExpiry = false;

/** Server messages come back in this language. */
export function setApiLang(next: Lang): void {
  lang = next;
}

/** After a successful login: a later UNAUTHENTICATED is a new story. */
export function resetAuthState(): void {
  sawExpiry = false;
}

/** The console registers a handler for expired sessions and forced password changes. */
export function setAuthErrorHandler(handler: ((code: AuthCode) => void) | null): void {
  onAuthError = handler;
}

const CSRF_COOKIE = 'bohou_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: unknown };
}

function toApiError(status: number, body: unknown): ApiError {
  const e = (body as ErrorBody | null)?.error;
  if (e && typeof e.code === 'string') {
    const fields = Array.isArray(e.fields) ? (e.fields as FieldIssue[]) : [];
    return new ApiError(status, e.code, typeof e.message === 'string' ? e.message : e.code, fields);
  }
  return new ApiError(
    status,
    'INTERNAL',
    lang === 'en' ? `Server error (${status})` : `服务器错误（${status}）`,
  );
}

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Do not hand auth errors to the shell (login, the session probe). */
  quietAuth?: boolean;
  signal?: AbortSignal;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) headers['x-csrf-token'] = readCookie(CSRF_COOKIE) ?? '';
  return fetch(withQuery(path, opts.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
}

/** Calls the API. Resolves with the JSON body; rejects with an ApiError. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(method, path, opts);
    if (res.status === 403 && UNSAFE.has(method) && !readCookie(CSRF_COOKIE)) {
      // No CSRF cookie yet (first request of the page); every response sets it; then retry once.
      await send('GET', '/api/health', {});
      res = await send(method, path, opts);
    }
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'NETWORK',
      lang === 'en' ? 'Network error; check your connection and retry' : '网络连接失败，请检查网络后重试',
    );
  }
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    const err = toApiError(res.status, body);
    if (err.code === 'SESSION_EXPIRED') sawExpiry = true;
    if (!opts.quietAuth && onAuthError && (AUTH_CODES as readonly string[]).includes(err.code)) {
      onAuthError(err.code === 'UNAUTHENTICATED' && sawExpiry ? 'SESSION_EXPIRED' : (err.code as AuthCode));
    }
    throw err;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body: unknown, opts: RequestOptions = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  del: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
};
