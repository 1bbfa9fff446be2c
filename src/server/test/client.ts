import { expect } from 'vitest';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
  /** The raw Set-Cookie headers of this response. */
  setCookies: string[];
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (with `contentType`), e.g. malformed JSON. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** 'auto' echoes the CSRF cookie (fetching one first); 'omit' sends no header; a string sends that. */
  csrf?: 'auto' | 'omit' | string;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ path: string; code: string; message: string }> };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser-like API client: keeps cookies (session and CSRF), echoes the CSRF cookie in the
 * `x-csrf-token` header of unsafe requests, and comes from its own client address (the test apps
 * trust X-Forwarded-For) so per-IP login limits of parallel tests do not interfere.
 */
export class ApiClient {
  readonly jar = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly ip: string,
    readonly lang?: string,
  ) {}

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  private store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = decodeURIComponent(pair.slice(eq + 1));
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.split('=');
        if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.toLowerCase() === 'expires') return new Date(v).getTime() <= Date.now();
        return false;
      });
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request<T = unknown>(method: string, path: string, o: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...o.headers };
    if (this.lang) headers['accept-language'] = this.lang;
    if (UNSAFE.has(method)) {
      const mode = o.csrf ?? 'auto';
      if (mode === 'auto') {
        if (!this.jar.has('bohou_csrf')) await this.request('GET', '/api/auth/session');
        headers['x-csrf-token'] = this.jar.get('bohou_csrf') ?? '';
      } else if (mode !== 'omit') {
        headers['x-csrf-token'] = mode;
      }
    }
    let payload: string | undefined;
    if (o.raw !== undefined) {
      payload = o.raw;
      headers['content-type'] = o.contentType ?? 'application/json';
    } else if (o.body !== undefined) {
      payload = JSON.stringify(o.body);
      headers['content-type'] = 'application/json';
    }
    if (this.jar.size > 0) {
      headers.cookie = [...this.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const setCookies = res.headers.getSetCookie();
    this.store(setCookies);
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
    const body = (isJson && text ? JSON.parse(text) : text) as T;
    return { status: res.status, body, text, headers: res.headers, setCookies };
  }

  get<T = unknown>(path: string, o?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, o);
  }
  post<T = unknown>(path: string, body?: unknown, o?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, { ...o, ...(body === undefined ? {} : { body }) });
  }
  put<T = unknown>(path: string, body?: unknown, o?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, { ...o, ...(body === undefined ? {} : { body }) });
  }
}

/**
 * Asserts the one error shape: status, code, a message, nothing else in the body, and (when given)
 * exactly these field errors as `path:code`.
 */
export function expectError(res: ApiResponse, status: number, code: string, fields?: string[]): ErrorBody {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { error: { code } } });
  const body = res.body as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (fields) {
    const got = (body.error.fields ?? []).map((f) => `${f.path}:${f.code}`).sort();
    expect(got).toEqual([...fields].sort());
  }
  return body;
}
