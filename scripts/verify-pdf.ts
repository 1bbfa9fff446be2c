/**
 * Verifies a filed agreement PDF offline: its embedded PDF signature (the SHA-256 of the signed byte
 * ranges against the signed digest, the RSA signature with the embedded certificate, the ranges cover
 * the whole file). With --db it also looks the file up in the filing register of the configured
 * database (DATA_DIR / DATABASE_URL, as the server): valid / changed since filing / not filed / unknown.
 *
 *   npm run verify:pdf -- <file.pdf> [--db]
 *
 * Exit 0: signature valid (and, with --db, the register says valid); 1: invalid, changed or unknown;
 * 2: usage error, unreadable file or not a PDF.
 */
import fs from 'node:fs';
import { inspectPdf } from '../src/server/modules/agreements/inspect.js';

const args = process.argv.slice(2);
const withDb = args.includes('--db');
const files = args.filter((a) => a !== '--db');
if (files.length !== 1) {
  console.error('usage: npm run verify:pdf -- <file.pdf> [--db]');
  process.exit(2);
}
let buf: Buffer;
try {
  buf = fs.readFileSync(files[0]!);
} catch (err) {
  console.error(`cannot read ${files[0]}: ${(err as Error).message}`);
  process.exit(2);
}
const info = inspectPdf(buf);
if (!info.isPdf) {
  console.error(`${files[0]} is not a PDF`);
  process.exit(2);
}
console.log(`file:              ${files[0]}`);
console.log(`sha256:            ${info.sha256}`);
console.log(`verification code: ${info.verificationCode ?? '(none)'}`);
const s = info.signature;
let ok = false;
if (!s) {
  console.log('signature:         NONE (not a sealed document)');
} else {
  console.log(`signer:            ${s.signer || '(unreadable)'}`);
  console.log(
    `digest:            ${s.digestMatches ? 'matches' : 'MISMATCH (the signed bytes were changed)'}`,
  );
  console.log(
    `signature:         ${s.signatureVerifies ? 'verifies with the embedded certificate' : 'DOES NOT VERIFY'}`,
  );
  console.log(
    `coverage:          ${s.coversWholeFile ? 'whole file' : 'PARTIAL (bytes outside the signature)'}`,
  );
  ok = s.valid;
  console.log(`result:            ${ok ? 'SIGNATURE VALID' : 'SIGNATURE INVALID'}`);
}
if (withDb) {
  const { openForCli } = await import('./cli.js');
  const { verifyBytes } = await import('../src/server/modules/agreements/verify.js');
  const { database } = await openForCli();
  const r = await verifyBytes(database.db, buf);
  await database.close();
  const doc = r.document;
  console.log(
    `register:          ${r.verdict.toUpperCase()}${doc ? ` — ${doc.number} ${doc.filingNumber ?? ''}` : ''}`,
  );
  ok = ok && r.verdict === 'valid';
}
process.exit(ok ? 0 : 1);
