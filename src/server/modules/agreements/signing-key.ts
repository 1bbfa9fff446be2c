import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { Config } from '../../core/config.js';

/**
 * The platform's sealing key (PKCS#12). Production configures SIGNING_P12_PATH and
 * SIGNING_P12_PASSPHRASE; without them a self-signed development key is made on first use in
 * DATA_DIR/signing.p12 with its passphrase in DATA_DIR/signing.pass (both 0600). `pdfsig` then says
 * "Signature is Valid" with an untrusted certificate, which is what a development key can be.
 */
export interface SigningKey {
  p12: Buffer;
  passphrase: string;
}

const cache = new Map<string, SigningKey>();

export function devKeyPaths(dataDir: string): { p12: string; pass: string } {
  return { p12: path.join(dataDir, 'signing.p12'), pass: path.join(dataDir, 'signing.pass') };
}

/** A self-signed RSA 2048 certificate in a PKCS#12 (key pair from Node's native generator: fast). ASCII
 * names only: node-forge writes a PKCS#12 whose MAC does not verify when the subject is not ASCII. */
export function makeDevelopmentP12(commonName: string, passphrase: string): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const priv = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const pub = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const attrs = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'bohou development' },
    { name: 'countryName', value: 'CN' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(priv, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(priv, [cert], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/** The configured key, or the development key (generated once, then read from DATA_DIR). */
export function loadSigningKey(
  config: Pick<Config, 'dataDir' | 'signingP12Path' | 'signingP12Passphrase'>,
): SigningKey {
  const id = config.signingP12Path ?? config.dataDir;
  const hit = cache.get(id);
  if (hit) return hit;
  let key: SigningKey;
  if (config.signingP12Path) {
    key = { p12: fs.readFileSync(config.signingP12Path), passphrase: config.signingP12Passphrase ?? '' };
  } else {
    const paths = devKeyPaths(config.dataDir);
    if (!fs.existsSync(paths.p12) || !fs.existsSync(paths.pass)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      const passphrase = randomBytes(18).toString('base64url');
      const p12 = makeDevelopmentP12('bohou development seal', passphrase);
      fs.writeFileSync(paths.pass, passphrase, { mode: 0o600 });
      fs.writeFileSync(paths.p12, p12, { mode: 0o600 });
    }
    key = { p12: fs.readFileSync(paths.p12), passphrase: fs.readFileSync(paths.pass, 'utf8').trim() };
  }
  cache.set(id, key);
  return key;
}
