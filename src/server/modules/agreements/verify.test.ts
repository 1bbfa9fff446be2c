import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { TEST_PASSWORD } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  agreementCast,
  downloadPdf,
  makeAgreement,
  sign,
  verifyUpload,
  type AgreementCast,
  type AgreementView,
  type VerifyView,
} from './test-kit.js';

const run = promisify(execFile);
let t: TestApp;
let cast: AgreementCast;
let filed: AgreementView;
let pdf: Buffer;
let signingCopy: Buffer;

beforeAll(async () => {
  t = await startTestApp();
  cast = await agreementCast(t);
  const a = (await makeAgreement(cast)).body;
  signingCopy = (await downloadPdf(cast.taker.client, a.id)).data;
  await sign(cast.taker.client, a.id, TEST_PASSWORD);
  await sign(cast.unit.client, a.id, TEST_PASSWORD);
  filed = (await cast.districtOfficer.client.post<AgreementView>(`/api/agreements/${a.id}/file`)).body;
  const res = await downloadPdf(cast.taker.client, a.id);
  expect(res.type).toBe('application/pdf');
  pdf = res.data;
});
afterAll(async () => t.close());

/** The same file with one byte changed in the middle of the document pages. */
function oneByteChanged(buf: Buffer): Buffer {
  const copy = Buffer.from(buf);
  const at = Math.floor(copy.length / 3);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('the filed PDF', () => {
  it('is the sealed file the register names; parties and the office in scope download it, others get 404', async () => {
    expect(filed.state).toBe('filed');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(filed.filedSha256);
    expect((await downloadPdf(cast.unit.client, filed.id)).status).toBe(200);
    expect((await downloadPdf(cast.city.client, filed.id)).status).toBe(200);
    expect((await downloadPdf(cast.districtOfficer.client, filed.id)).status).toBe(200);
    expect((await downloadPdf(cast.otherDistrict.client, filed.id)).status).toBe(404);
    expect((await downloadPdf(cast.other.client, filed.id)).status).toBe(404);
    expect((await downloadPdf(t.client(), filed.id)).status).toBe(401);
  });

  it('has the document pages and the evidence certificate, with number, code and filing number in the text', async () => {
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    const file = path.join(t.dataDir, 'filed.pdf');
    fs.writeFileSync(file, pdf);
    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
    for (const s of [
      filed.number,
      filed.verificationCode,
      filed.filingNumber!,
      '电子签署存证证书',
      '揭榜方',
      '张榜方',
    ])
      expect(text).toContain(s);
    // A long hash may wrap onto the next line of its field.
    expect(text.replace(/\s+/g, '')).toContain(filed.documentSha256);
  });

  it('pdfsig reports the platform’s signature valid, and a one-byte change as a digest mismatch', async () => {
    const has = spawnSync('pdfsig', ['-v']).error === undefined;
    if (!has) {
      console.warn('pdfsig (poppler-utils) is not installed: skipping the pdfsig check');
      return;
    }
    const good = path.join(t.dataDir, 'sealed.pdf');
    const bad = path.join(t.dataDir, 'changed.pdf');
    fs.writeFileSync(good, pdf);
    fs.writeFileSync(bad, oneByteChanged(pdf));
    const ok = spawnSync('pdfsig', [good], { encoding: 'utf8' }).stdout;
    expect(ok).toContain('Signature is Valid');
    expect(ok).toContain('Total document signed');
    expect(ok).toContain('SHA-256');
    const changed = spawnSync('pdfsig', [bad], { encoding: 'utf8' }).stdout;
    expect(changed).not.toContain('Signature is Valid');
    expect(changed).toContain('Digest Mismatch');
  });
});

describe('the public verification', () => {
  it('says valid for the filed file, by upload and by code, to anonymous visitors', async () => {
    const up = await verifyUpload(t.client(), pdf);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({
      verdict: 'valid',
      document: { number: filed.number, filingNumber: filed.filingNumber },
      signature: { present: true, valid: true },
    });
    expect(up.body.document!.parties.map((p) => p.name)).toContain('孙**');
    const byCode = await t
      .client()
      .get<VerifyView>(`/api/verify/agreements/${filed.verificationCode.toLowerCase()}`);
    expect(byCode.body).toMatchObject({ verdict: 'valid', sha256: filed.filedSha256 });
  });

  it('says changed for the same file with one byte changed, anywhere', async () => {
    const res = await verifyUpload(t.client(), oneByteChanged(pdf));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      verdict: 'changed',
      document: { number: filed.number },
      signature: { valid: false },
    });
    // A change inside the verification code itself still finds the document by its signature.
    const latin = pdf.toString('latin1');
    const at = latin.indexOf(`(${filed.verificationCode})`) + 1;
    const copy = Buffer.from(pdf);
    copy[at] = 'Z'.charCodeAt(0) === copy[at] ? 'Y'.charCodeAt(0) : 'Z'.charCodeAt(0);
    expect((await verifyUpload(t.client(), copy)).body.verdict).toBe('changed');
    // Bytes appended after sealing (an incremental update) are a change too.
    const appended = Buffer.concat([pdf, Buffer.from('\n% appended\n')]);
    const app = await verifyUpload(t.client(), appended);
    expect(app.body).toMatchObject({ verdict: 'changed', signature: { valid: false } });
  });

  it('says unknown for a forged PDF and for an unknown code; not filed for the signing copy', async () => {
    const forged = await PDFDocument.create();
    forged.addPage().drawText(`BH-XY ${filed.verificationCode}`);
    const res = await verifyUpload(t.client(), Buffer.from(await forged.save()));
    expect(res.body).toMatchObject({ verdict: 'unknown', document: null, signature: null });
    const unknown = await t.client().get<VerifyView>('/api/verify/agreements/AAAAAAAAAAAAAAAA');
    expect(unknown.body.verdict).toBe('unknown');
    expect((await t.client().get<VerifyView>('/api/verify/agreements/not-a-code')).body.verdict).toBe(
      'unknown',
    );
    const copy = await verifyUpload(t.client(), signingCopy);
    expect(copy.body).toMatchObject({ verdict: 'not_filed', document: { number: filed.number } });
  });

  it('refuses a non-PDF and an empty upload with clear errors', async () => {
    expectError(
      await verifyUpload(t.client(), Buffer.from('hello, not a pdf'), 'text/plain'),
      415,
      'VERIFY_NOT_PDF',
    );
    expectError(await verifyUpload(t.client(), Buffer.alloc(0)), 400, 'VALIDATION_FAILED', ['file:required']);
  });
});

describe('the command-line verifier', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-pdf.ts', ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: t.dataDir,
        LOG_LEVEL: 'silent',
        ...(t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : {}),
      },
    });

  it('checks the signature offline and against the register; exit codes 0 / 1 / 2', () => {
    const good = path.join(t.dataDir, 'cli-good.pdf');
    const bad = path.join(t.dataDir, 'cli-bad.pdf');
    const text = path.join(t.dataDir, 'cli.txt');
    fs.writeFileSync(good, pdf);
    fs.writeFileSync(bad, oneByteChanged(pdf));
    fs.writeFileSync(text, 'not a pdf');
    const ok = cli([good, '--db']);
    expect(ok.stdout).toContain('SIGNATURE VALID');
    expect(ok.stdout).toContain(`register:          VALID — ${filed.number}`);
    expect(ok.status).toBe(0);
    const offline = cli([bad]);
    expect(offline.stdout).toContain('MISMATCH');
    expect(offline.stdout).toContain('SIGNATURE INVALID');
    expect(offline.status).toBe(1);
    const changed = cli([bad, '--db']);
    expect(changed.stdout).toContain('register:          CHANGED');
    expect(changed.status).toBe(1);
    expect(cli([text]).status).toBe(2);
  }, 60_000);
});
