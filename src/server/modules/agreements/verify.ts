import type { DbOrTrx } from '../../db/index.js';
import { inspectPdf } from './inspect.js';

/**
 * The public verification (文书验证). By upload: the SHA-256 of the bytes equals a filed PDF's →
 * `valid`; it is the signing copy of a document (not the filed file) → `not_filed`; the file carries
 * a filed document's signature or verification code but its bytes differ → `changed`; otherwise
 * `unknown`. By code: the register entry (`filed`, `not_filed` or `unknown`), so a reader can compare.
 * Only what the filed PDF itself shows is revealed; a person's name is masked.
 */
export type Verdict = 'valid' | 'changed' | 'not_filed' | 'unknown';

export interface PublicDocument {
  number: string;
  title: string;
  template: string;
  state: string;
  filingNumber: string | null;
  filedAt: string | null;
  filedSha256: string | null;
  parties: Array<{ roleLabel: string; name: string; signedAt: string | null }>;
}

export interface VerifyResult {
  verdict: Verdict;
  sha256: string | null;
  document: PublicDocument | null;
  signature: { present: boolean; valid: boolean; signer: string; coversWholeFile: boolean } | null;
}

const mask = (name: string): string => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(name.length - 1)}`);

type Row = { id: number; state: string; filed_sha256: string | null; document_sha256: string };

async function find(
  db: DbOrTrx,
  column: 'filed_sha256' | 'document_sha256' | 'signature_sha256' | 'verification_code',
  value: string,
): Promise<Row | undefined> {
  return db
    .selectFrom('agreements')
    .select(['id', 'state', 'filed_sha256', 'document_sha256'])
    .where(column, '=', value)
    .executeTakeFirst();
}

async function publicDocument(db: DbOrTrx, id: number): Promise<PublicDocument> {
  const a = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const parties = await db
    .selectFrom('agreement_parties as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.role_label', 'p.name', 'p.signed_at', 'p.state', 'u.role'])
    .where('p.agreement_id', '=', id)
    .orderBy('p.party_order')
    .orderBy('p.id')
    .execute();
  return {
    number: a.number ?? '',
    title: a.title,
    template: `${a.template_key} v${a.template_version}`,
    state: a.state,
    filingNumber: a.filing_number,
    filedAt: a.filed_at,
    filedSha256: a.filed_sha256,
    parties: parties.map((p) => ({
      roleLabel: p.role_label,
      name: p.role === 'individual' ? mask(p.name) : p.name,
      signedAt: p.state === 'signed' ? p.signed_at : null,
    })),
  };
}

export async function verifyByCode(db: DbOrTrx, code: string): Promise<VerifyResult> {
  const row = /^[A-Z2-7]{16}$/.test(code) ? await find(db, 'verification_code', code) : undefined;
  if (!row) return { verdict: 'unknown', sha256: null, document: null, signature: null };
  return {
    verdict: row.state === 'filed' ? 'valid' : 'not_filed',
    sha256: row.filed_sha256,
    document: await publicDocument(db, row.id),
    signature: null,
  };
}

/** The caller has checked that the bytes are a PDF (see inspectPdf().isPdf). */
export async function verifyBytes(db: DbOrTrx, buf: Buffer): Promise<VerifyResult> {
  const info = inspectPdf(buf);
  const signature = info.signature
    ? {
        present: true,
        valid: info.signature.valid,
        signer: info.signature.signer,
        coversWholeFile: info.signature.coversWholeFile,
      }
    : null;
  const result = async (verdict: Verdict, row: Row | undefined): Promise<VerifyResult> => ({
    verdict,
    sha256: info.sha256,
    document: row ? await publicDocument(db, row.id) : null,
    signature,
  });
  const filed = await find(db, 'filed_sha256', info.sha256);
  if (filed) return result('valid', filed);
  const copy = await find(db, 'document_sha256', info.sha256);
  if (copy) return result('not_filed', copy);
  const bySignature = info.signature?.contentsSha256
    ? await find(db, 'signature_sha256', info.signature.contentsSha256)
    : undefined;
  const byCode = info.verificationCode
    ? await find(db, 'verification_code', info.verificationCode)
    : undefined;
  const known = bySignature ?? byCode;
  if (known) return result('changed', known);
  return result('unknown', undefined);
}
