import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryLock, unlock } from '../../core/jobs.js';
import { metrics } from '../../core/metrics.js';
import { runJob } from '../../core/scheduler.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let withToken: TestApp;
const TOKEN = 'metrics-token-0123456789';
beforeAll(async () => {
  t = await startTestApp();
  withToken = await startTestApp({ shareWith: t, env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await withToken.close();
  await t.close();
});

/** A direct request from this machine, without the proxy header the test client always sends. */
const scrape = (app: TestApp, headers: Record<string, string> = {}) =>
  fetch(`${app.baseUrl}/metrics`, { headers });

describe('/metrics', () => {
  it('serves request counts and durations by route to a direct local scraper', async () => {
    const before = metrics.httpRequests.get({ method: 'GET', route: '/api/health', status: '200' });
    await fetch(`${t.baseUrl}/api/health`);
    await fetch(`${t.baseUrl}/api/health`);
    const res = await scrape(t);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('bohou_http_requests_total{method="GET",route="/api/health",status="200"}'));
    expect(Number(line?.split(' ')[1])).toBeGreaterThanOrEqual(before + 2);
    expect(text).toContain(
      'bohou_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/health"}',
    );
    expect(text).toMatch(/^bohou_outbox_messages\{status="pending"\} \d+$/m);
    expect(text).toMatch(/^bohou_process_resident_memory_bytes \d+$/m);
    // Unknown paths are one series, not one per path.
    await fetch(`${t.baseUrl}/api/no-such-${Date.now()}`);
    expect(await (await scrape(t)).text()).not.toContain('no-such-');
  });

  it('is hidden (404) from requests through a proxy, and needs the token when one is set', async () => {
    expect((await t.client().get('/metrics')).status).toBe(404); // the client sends X-Forwarded-For
    expect((await scrape(withToken)).status).toBe(404);
    expect((await scrape(withToken, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(404);
    const ok = await scrape(withToken, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# TYPE bohou_job_runs_total counter');
  });
});

describe('job metrics', () => {
  const log = { error: () => undefined } as unknown as Parameters<typeof runJob>[1];
  it('counts ok, skipped (leased for the interval, by this or another node) and failed runs', async () => {
    const name = `metrics-test-${Date.now()}`;
    const get = (outcome: string) => metrics.jobRuns.get({ job: name, outcome });
    const ok = { name, everyMs: 60_000, run: async () => 1 };
    await runJob(t.db, log, ok);
    expect(get('ok')).toBe(1);
    // The successful run keeps its lease for the interval: the next tick (of any node) skips.
    await runJob(t.db, log, ok);
    expect(get('skipped')).toBe(1);
    expect(get('ok')).toBe(1);
    await unlock(t.db, name);
    const failing = {
      ...ok,
      run: async () => {
        throw new Error('boom');
      },
    };
    await runJob(t.db, log, failing);
    expect(get('failed')).toBe(1);
    // A failed run gives its lease back: the next tick tries again.
    await runJob(t.db, log, ok);
    expect(get('ok')).toBe(2);
    expect(await tryLock(t.db, name, 60_000)).toBe(false);
  });
});

describe('request ids', () => {
  it('answers with a request id, keeps a sane caller id and replaces an unsafe one', async () => {
    const a = await fetch(`${t.baseUrl}/api/health`);
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const b = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'lb-42.abc' } });
    expect(b.headers.get('x-request-id')).toBe('lb-42.abc');
    const c = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'x'.repeat(200) } });
    expect(c.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
