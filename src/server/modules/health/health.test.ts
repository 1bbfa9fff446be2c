import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { testDialect } from '../../test/database.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health', () => {
  it('reports ok and the database engine of this run', async () => {
    const res = await t.client().get<{ status: string; database: string; time: string }>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: testDialect() });
    expect(Number.isNaN(Date.parse(res.body.time))).toBe(false);
  });

  it('sends the security headers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Plain HTTP without COOKIE_SECURE: no HSTS (a browser would pin it for the host).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when the request came over TLS (behind a trusted proxy)', async () => {
    const res = await t.client().get('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers unknown API paths with the error shape', async () => {
    expectError(await t.client().get('/api/no-such-thing'), 404, 'NOT_FOUND');
    const en = await t.client({ lang: 'en-US,en;q=0.9' }).get('/api/no-such-thing');
    expect(expectError(en, 404, 'NOT_FOUND').error.message).toBe('Not found');
  });
});

describe('OpenAPI', () => {
  it('lists the main paths', async () => {
    const res = await t
      .client()
      .get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = res.body.paths;
    for (const [p, method] of [
      ['/api/health', 'get'],
      ['/api/regions', 'get'],
      ['/api/auth/session', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/password', 'post'],
      ['/api/accounts/register/unit', 'post'],
      ['/api/accounts/register/individual', 'post'],
      ['/api/users', 'get'],
      ['/api/users', 'post'],
      ['/api/users/{id}', 'get'],
      ['/api/users/{id}/disable', 'post'],
      ['/api/users/{id}/role', 'post'],
      ['/api/units', 'get'],
      ['/api/units/{id}', 'get'],
      ['/api/audit', 'get'],
      ['/api/audit/verify', 'get'],
      ['/api/settings/security', 'put'],
      ['/api/policy', 'get'],
      ['/api/notifications', 'get'],
    ] as const) {
      expect(paths[p], `${method} ${p}`).toHaveProperty(method);
    }
    expect(paths).not.toHaveProperty('/api/openapi.json');
  });
});
