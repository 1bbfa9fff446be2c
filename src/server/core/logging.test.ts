import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, individualRegistration, TEST_PASSWORD } from '../test/factories.js';
import { startTestApp, type TestApp } from '../test/harness.js';

/** Issue #9: secrets never logged; ID numbers and phones masked in logs. The app logs at debug level here. */
const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOG_LEVEL: 'debug' }, logStream: { write: (l) => void lines.push(l) } });
});
afterAll(async () => t.close());

describe('the log', () => {
  it('is JSON lines with the request id, and holds no password, cookie, token or phone', async () => {
    const user = await buildUser(t.db, 'unit');
    const c = t.client();
    await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
    await c.post('/api/auth/login', { username: user.username, password: 'Wrong#Secret-991' });
    const reg = individualRegistration();
    await t.client().post('/api/accounts/register/individual', reg);
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string });
    expect(parsed.some((p) => typeof p.reqId === 'string' && p.reqId.length > 0)).toBe(true);
    for (const secret of [
      TEST_PASSWORD,
      'Wrong#Secret-991',
      reg.password,
      reg.person.phone,
      c.cookie('bohou_sid')!,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('censors secrets and personal data if a line carries them', async () => {
    t.app.log.info(
      { body: { password: 'p4ss-Leak', person: { idNumber: '11010519491231002X', phone: '13912345678' } } },
      'x',
    );
    const last = lines.at(-1)!;
    expect(last).not.toMatch(/p4ss-Leak|11010519491231002X|13912345678/);
    expect(last).toContain('[redacted]');
  });
});
