import { createHash } from 'node:crypto';
import forge from 'node-forge';

/**
 * Reads a PDF's bytes offline: is it a PDF, which verification code does it carry, and does its last
 * signature hold — the SHA-256 of the signed byte ranges equals the signed `messageDigest`, the RSA
 * signature over the signed attributes verifies with the embedded certificate, and the byte ranges
 * cover the whole file (nothing appended after sealing). Used by the verification page and the
 * command-line verifier; no network, no trust store (the development certificate is self-signed).
 */
export interface SignatureCheck {
  /** The signed ranges cover the whole file. */
  coversWholeFile: boolean;
  /** SHA-256 of the signed ranges equals the signed messageDigest attribute. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's certificate. */
  signatureVerifies: boolean;
  signer: string;
  /** SHA-256 of the signature container as stored (hex text between < >): finds the filed document. */
  contentsSha256: string;
  valid: boolean;
}

export interface PdfInspection {
  isPdf: boolean;
  sha256: string;
  verificationCode: string | null;
  signature: SignatureCheck | null;
}

/** The catalog key holding the verification code as a literal string: `/BohouVerification (CODE)`. */
export const CODE_KEY = 'BohouVerification';

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

export const sha256Hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

function derLength(bytes: Buffer): number {
  if (bytes.length < 2) return bytes.length;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return 2 + n + len;
}

const children = (a: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] =>
  a && Array.isArray(a.value) ? a.value : [];
const bytesOf = (a: forge.asn1.Asn1 | undefined): string => (a && typeof a.value === 'string' ? a.value : '');

function checkSignature(buf: Buffer, latin: string): SignatureCheck | null {
  const matches = [...latin.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = matches.at(-1);
  if (!m) return null;
  const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  const broken = (signer = ''): SignatureCheck => ({
    coversWholeFile: false,
    digestMatches: false,
    signatureVerifies: false,
    signer,
    contentsSha256: '',
    valid: false,
  });
  if (a !== 0 || b <= 0 || c <= b || c + d > buf.length || buf[b] !== 0x3c || buf[c - 1] !== 0x3e)
    return broken();
  const hex = latin.slice(b + 1, c - 1);
  const contentsSha256 = sha256Hex(hex);
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { ...broken(), contentsSha256 };
  const coversWholeFile = c + d === buf.length;
  const signed = Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)]);
  try {
    const der = Buffer.from(hex, 'hex');
    const content = der.subarray(0, derLength(der));
    const ci = forge.asn1.fromDer(content.toString('binary'));
    const signedData = children(children(ci)[1])[0];
    const parts = children(signedData);
    const certSet = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const signerInfos = parts.at(-1);
    const signerInfo = children(signerInfos)[0];
    const si = children(signerInfo);
    const attrs = si.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const digestAlg = forge.asn1.derToOid(bytesOf(children(si[2])[0]));
    const signature = bytesOf(si.filter((p) => p.type === forge.asn1.Type.OCTETSTRING).at(-1));
    const certAsn1 = children(certSet)[0];
    if (!attrs || !certAsn1 || digestAlg !== OID_SHA256) return { ...broken(), contentsSha256 };
    const cert = forge.pki.certificateFromAsn1(certAsn1);
    const signer = String(cert.subject.getField('CN')?.value ?? '');
    let messageDigest = '';
    for (const attr of children(attrs)) {
      const [oid, values] = children(attr);
      if (forge.asn1.derToOid(bytesOf(oid)) === OID_MESSAGE_DIGEST)
        messageDigest = forge.util.bytesToHex(bytesOf(children(values)[0]));
    }
    const digestMatches = messageDigest === sha256Hex(signed);
    // The signature covers the DER of the attributes as a SET (the [0] tag is implicit in SignerInfo).
    const asSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, children(attrs));
    const md = forge.md.sha256.create();
    md.update(forge.asn1.toDer(asSet).getBytes());
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    let signatureVerifies = false;
    try {
      signatureVerifies = publicKey.verify(md.digest().getBytes(), signature);
    } catch {
      signatureVerifies = false;
    }
    return {
      coversWholeFile,
      digestMatches,
      signatureVerifies,
      signer,
      contentsSha256,
      valid: coversWholeFile && digestMatches && signatureVerifies,
    };
  } catch {
    return { ...broken(), contentsSha256 };
  }
}

/** A PDF starts with `%PDF-` within its first kilobyte. */
export const isPdfBytes = (buf: Buffer): boolean => buf.subarray(0, 1024).includes('%PDF-');

export function inspectPdf(buf: Buffer): PdfInspection {
  const sha256 = sha256Hex(buf);
  const isPdf = isPdfBytes(buf);
  if (!isPdf) return { isPdf, sha256, verificationCode: null, signature: null };
  const latin = buf.toString('latin1');
  const code = [...latin.matchAll(new RegExp(`/${CODE_KEY}\\s*\\(([A-Z2-7]{16})\\)`, 'g'))].at(-1)?.[1];
  return { isPdf, sha256, verificationCode: code ?? null, signature: checkSignature(buf, latin) };
}
