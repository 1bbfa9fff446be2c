import { createCipheriv } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { auditHash, verifyAuditChain } from './audit.js';
import { digestHex, FieldCipher } from './crypto.js';
import { CryptoProfileError } from './crypto-profile.js';
import { buildActor } from '../test/factories.js';
import { startTestApp, type TestApp } from '../test/harness.js';

const KEY = Buffer.alloc(32, 7);
const ID = '11010519491231002X';

describe('国密 primitives (the gm profile uses what Node’s OpenSSL calls sm3 and sm4)', () => {
  it('SM3 gives the GB/T 32905 example digest of "abc"', () => {
    expect(digestHex('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digestHex('sha256', 'abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('SM4 gives the GB/T 32907 example ciphertext', () => {
    const k = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = createCipheriv('sm4-ecb', k, null).setAutoPadding(false);
    expect(Buffer.concat([c.update(k), c.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe('field encryption in either profile', () => {
  const intl = new FieldCipher(KEY, 'intl');
  const gm = new FieldCipher(KEY, 'gm');

  it('each profile writes its own format, with a fresh IV, and reads both', () => {
    const a = gm.encrypt(ID);
    const b = gm.encrypt(ID);
    expect(a.startsWith('g1:')).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(gm.decrypt(a)).toBe(ID);
    expect(intl.decrypt(a)).toBe(ID);
    const v = intl.encrypt(ID);
    expect(v.startsWith('v1:')).toBe(true);
    expect(gm.decrypt(v)).toBe(ID);
  });

  it('a changed ciphertext or MAC is refused (encrypt-then-MAC)', () => {
    const parts = gm.encrypt(ID).split(':');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    expect(() => gm.decrypt([parts[0], parts[1], parts[2], data.toString('base64url')].join(':'))).toThrow(
      /authentication/,
    );
    const mac = Buffer.from(parts[2]!, 'base64url');
    mac[5] = mac[5]! ^ 1;
    expect(() => gm.decrypt([parts[0], parts[1], mac.toString('base64url'), parts[3]].join(':'))).toThrow();
    expect(() => gm.decrypt('x9:a:b:c')).toThrow(/unknown/);
  });

  it('lookup hashes are HMAC-SM3 under gm and HMAC-SHA-256 under intl, stable per profile', () => {
    expect(gm.lookupHash(ID)).toBe(new FieldCipher(KEY, 'gm').lookupHash(ID));
    expect(gm.lookupHash(ID)).not.toBe(intl.lookupHash(ID));
    expect(gm.lookupHash(ID)).toHaveLength(64);
  });
});

describe('an installation bound to the gm profile', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps.reverse()) await a.close();
  });

  it('hashes its audit chain with SM3, verifies it, and refuses to start as intl', async () => {
    const t = await startTestApp({ isolated: true, env: { CRYPTO_PROFILE: 'gm' } });
    apps.push(t);
    await buildActor(t, 'sys_admin'); // logs in: an audit record
    const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(head.hash_alg).toBe('sm3');
    const rows = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    const { hash, ...fields } = rows[0]!;
    expect(hash).toBe(auditHash(fields, 'sm3'));
    expect(hash).not.toBe(auditHash(fields, 'sha256'));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: rows.length });
    expect(t.app.deps.cipher.profile).toBe('gm');

    await expect(startTestApp({ shareWith: t, env: { CRYPTO_PROFILE: 'intl' } })).rejects.toThrow(
      CryptoProfileError,
    );
    // A second node with the same profile starts.
    const second = await startTestApp({ shareWith: t, env: { CRYPTO_PROFILE: 'gm' } });
    apps.push(second);
    expect(second.app.deps.cipher.profile).toBe('gm');
  });

  it('an intl installation with records refuses to become gm, naming the profile to use', async () => {
    const t = await startTestApp({ isolated: true });
    apps.push(t);
    await buildActor(t, 'sys_admin');
    await expect(startTestApp({ shareWith: t, env: { CRYPTO_PROFILE: 'gm' } })).rejects.toThrow(
      /installed with the "intl" profile.*CRYPTO_PROFILE=intl/,
    );
    const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(head.hash_alg).toBe('sha256');
  });
});
