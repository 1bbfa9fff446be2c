import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { renderPdf, type PdfBlock } from '../../core/pdf/render.js';
import { CODE_KEY } from './inspect.js';
import type { SigningKey } from './signing-key.js';

/**
 * The agreement as a PDF: the document pages (title, number, parties, the filled template text,
 * signature boxes) with a footer naming the document number and the verification code; at filing,
 * the evidence certificate (存证证书) pages are appended and the whole file is sealed with the
 * platform's PDF signature (adbe.pkcs7.detached over the byte range, PAdES-style).
 *
 * The verification code is also stored in the catalog as `/BohouVerification (CODE)` so a verifier
 * finds it in the raw bytes without extracting text.
 */

export interface DocumentFacts {
  number: string;
  title: string;
  templateKey: string;
  templateVersion: number;
  verificationCode: string;
  bodyText: string;
  createdAt: string;
  parties: Array<{ roleLabel: string; name: string; order: number }>;
}

export interface EvidenceFacts {
  filingNumber: string;
  filedAt: string;
  filedBy: string;
  documentSha256: string;
  events: Array<{
    at: string;
    action: string;
    actor: string;
    roleLabel: string;
    ip: string;
    userAgent: string;
    sha256: string;
    detail: string;
  }>;
}

const china = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export function footerOf(d: Pick<DocumentFacts, 'number' | 'verificationCode'>): string {
  return `文书编号 ${d.number}  验证码 ${d.verificationCode}`;
}

async function withCode(bytes: Uint8Array, d: DocumentFacts): Promise<PDFDocument> {
  const doc = await PDFDocument.load(bytes);
  doc.catalog.set(PDFName.of(CODE_KEY), PDFString.of(d.verificationCode));
  doc.setKeywords([d.number, d.verificationCode]);
  doc.setSubject(`${d.templateKey} v${d.templateVersion}`);
  return doc;
}

/** The document parties sign: its SHA-256 is what each signature record names. */
export async function renderDocument(d: DocumentFacts): Promise<Buffer> {
  const blocks: PdfBlock[] = [
    { kind: 'title', text: d.title },
    {
      kind: 'subtitle',
      text: `文书编号 ${d.number} · 模板 ${d.templateKey} 第 ${d.templateVersion} 版 · 生成于 ${china(d.createdAt)}`,
    },
    { kind: 'heading', text: '签署各方' },
    {
      kind: 'table',
      columns: ['签署顺序', '身份', '名称'],
      widths: [1, 1.5, 4],
      rows: d.parties.map((p) => [String(p.order), p.roleLabel, p.name]),
    },
    { kind: 'heading', text: '正文' },
    { kind: 'paragraph', text: d.bodyText },
    { kind: 'spacer', height: 16 },
    { kind: 'boxes', labels: d.parties.map((p) => `${p.roleLabel}（在线签署）`), height: 60 },
    {
      kind: 'paragraph',
      text: '本文书在博后通平台在线签署，各方签署记录（账号、时间、IP、文书哈希）见备案时附加的存证证书。可凭验证码在平台“文书验证”页核验。',
    },
  ];
  const bytes = await renderPdf(blocks, { title: d.title, footer: footerOf(d) });
  const doc = await withCode(bytes, d);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const ACTION_TEXT: Record<string, string> = {
  created: '生成文书',
  signed: '签署',
  accepted: '确认（视为签署）',
  declined: '拒签',
  completed: '各方签署完成',
  filed: '备案',
  cancelled: '撤销',
};

function evidenceBlocks(d: DocumentFacts, e: EvidenceFacts): PdfBlock[] {
  return [
    { kind: 'title', text: '电子签署存证证书' },
    { kind: 'subtitle', text: `${d.title} · 文书编号 ${d.number}` },
    { kind: 'field', label: '备案编号', value: e.filingNumber },
    { kind: 'field', label: '备案时间', value: `${china(e.filedAt)}（北京时间）` },
    { kind: 'field', label: '备案机关', value: e.filedBy },
    { kind: 'field', label: '模板', value: `${d.templateKey} 第 ${d.templateVersion} 版` },
    { kind: 'field', label: '验证码', value: d.verificationCode },
    { kind: 'field', label: '签署文书 SHA-256', value: e.documentSha256 },
    { kind: 'heading', text: '签署过程记录' },
    {
      kind: 'table',
      columns: ['时间（北京）', '事件', '签署方 / 账号', 'IP', '所签文书 SHA-256'],
      widths: [2.6, 1.4, 2.4, 1.6, 4],
      rows: e.events.map((x) => [
        china(x.at),
        ACTION_TEXT[x.action] ?? x.action,
        [x.roleLabel, x.actor].filter(Boolean).join(' / '),
        x.ip || '—',
        x.sha256 || '—',
      ]),
    },
    { kind: 'heading', text: '签署终端（User-Agent）' },
    ...e.events
      .filter((x) => x.userAgent)
      .map((x): PdfBlock => ({ kind: 'field', label: `${x.roleLabel || x.actor}`, value: x.userAgent })),
    {
      kind: 'paragraph',
      text: '本证书与所附文书为同一 PDF 文件，由博后通平台以数字签名封装。文件任何一处改动都会使数字签名失效，核验时将判定为“备案后已被改动”。',
    },
  ];
}

/** Document pages + evidence certificate, sealed with the platform key. */
export async function renderFiled(
  documentPdf: Buffer,
  d: DocumentFacts,
  e: EvidenceFacts,
  key: SigningKey,
): Promise<Buffer> {
  const doc = await PDFDocument.load(documentPdf);
  const cert = await PDFDocument.load(
    await renderPdf(evidenceBlocks(d, e), {
      title: '电子签署存证证书',
      footer: `${footerOf(d)}  备案编号 ${e.filingNumber}  存证证书`,
    }),
  );
  for (const p of await doc.copyPages(cert, cert.getPageIndices())) doc.addPage(p);
  doc.catalog.set(PDFName.of(CODE_KEY), PDFString.of(d.verificationCode));
  doc.setKeywords([d.number, d.verificationCode, e.filingNumber]);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: `备案 ${e.filingNumber}`,
    contactInfo: '博后通',
    name: '博后通平台',
    location: '重庆',
    signatureLength: 8192,
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, new P12Signer(key.p12, { passphrase: key.passphrase }));
}
