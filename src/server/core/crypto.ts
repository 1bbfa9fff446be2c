import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The crypto provider, chosen per installation by `CRYPTO_PROFILE`:
 * - `intl`: SHA-256 hashes, HMAC-SHA-256 lookups, AES-256-GCM field encryption;
 * - `gm` (国密, GB/T 32905 SM3 and GB/T 32907 SM4): SM3 hashes, HMAC-SM3 lookups, SM4-CTR field
 *   encryption authenticated by HMAC-SM3 (encrypt-then-MAC; Node's OpenSSL has no SM4-GCM).
 * The profile is bound to the database at first start (core/crypto-profile.ts) and never changes after.
 */
export const CRYPTO_PROFILES = ['intl', 'gm'] as const;
export type CryptoProfile = (typeof CRYPTO_PROFILES)[number];
export type HashAlg = 'sha256' | 'sm3';

export const HASH_OF: Record<CryptoProfile, HashAlg> = { intl: 'sha256', gm: 'sm3' };

/** Hex digest of data with the given algorithm (both give 256 bits: 64 hex characters). */
export function digestHex(alg: HashAlg, data: string | Buffer): string {
  return createHash(alg).update(data).digest('hex');
}

const b64 = (b: Buffer): string => b.toString('base64url');
const unb64 = (s: string): Buffer => Buffer.from(s, 'base64url');

/** A key derived from the master key for one purpose, so no key serves two algorithms. */
function subKey(alg: HashAlg, master: Buffer, label: string, bytes: number): Buffer {
  return createHmac(alg, master).update(`bohou:${label}`).digest().subarray(0, bytes);
}

/**
 * Field encryption at rest for personal data such as ID numbers. The master key comes from
 * `DATA_DIR/secret.key` (created with mode 0600 on first use); a deployment may provide its own file.
 * Ciphertexts name their format, so either profile reads both:
 * `v1:<iv>:<tag>:<data>` (AES-256-GCM) and `g1:<iv>:<mac>:<data>` (SM4-CTR + HMAC-SM3), base64url parts.
 * A keyed hash (`lookupHash`) allows exact-match lookups without decrypting.
 */
export class FieldCipher {
  private readonly sm4Key: Buffer;
  private readonly sm3MacKey: Buffer;

  constructor(
    private readonly key: Buffer,
    readonly profile: CryptoProfile = 'intl',
  ) {
    if (key.length !== 32) throw new RangeError('field key must be 32 bytes');
    this.sm4Key = subKey('sm3', key, 'sm4-field', 16);
    this.sm3MacKey = subKey('sm3', key, 'sm3-mac', 32);
  }

  static fromDataDir(dataDir: string, profile: CryptoProfile = 'intl'): FieldCipher {
    const file = path.join(dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      // Written whole under a temporary name, then linked into place: a node starting at the same moment on
      // a shared DATA_DIR sees no key or the whole key, never a half-written one; the first link wins.
      const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      fs.writeFileSync(tmp, randomBytes(32).toString('base64'), { mode: 0o600 });
      try {
        fs.linkSync(tmp, file);
      } catch (err) {
        if ((err as { code?: string }).code !== 'EEXIST') throw err;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    }
    return new FieldCipher(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'), profile);
  }

  encrypt(plain: string): string {
    return this.profile === 'gm' ? this.encryptGm(plain) : this.encryptIntl(plain);
  }

  decrypt(box: string): string {
    const [v, iv, tag, data] = box.split(':');
    if (!iv || !tag || data === undefined) throw new Error('not a field ciphertext');
    if (v === 'v1') return this.decryptIntl(unb64(iv), unb64(tag), unb64(data));
    if (v === 'g1') return this.decryptGm(unb64(iv), unb64(tag), unb64(data));
    throw new Error(`unknown field ciphertext format ${v ?? ''}`);
  }

  lookupHash(plain: string): string {
    return createHmac(HASH_OF[this.profile], this.key).update(plain).digest('hex');
  }

  private encryptIntl(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ['v1', b64(iv), b64(c.getAuthTag()), b64(data)].join(':');
  }

  private decryptIntl(iv: Buffer, tag: Buffer, data: Buffer): string {
    const d = createDecipheriv('aes-256-gcm', this.key, iv);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(data), d.final()]).toString('utf8');
  }

  private gmMac(iv: Buffer, data: Buffer): Buffer {
    return createHmac('sm3', this.sm3MacKey).update('g1').update(iv).update(data).digest();
  }

  private encryptGm(plain: string): string {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-ctr', this.sm4Key, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ['g1', b64(iv), b64(this.gmMac(iv, data)), b64(data)].join(':');
  }

  private decryptGm(iv: Buffer, mac: Buffer, data: Buffer): string {
    const expected = this.gmMac(iv, data);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
      throw new Error('field ciphertext failed authentication');
    const d = createDecipheriv('sm4-ctr', this.sm4Key, iv);
    return Buffer.concat([d.update(data), d.final()]).toString('utf8');
  }
}
