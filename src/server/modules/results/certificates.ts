import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { renderPdf, type PdfBlock } from '../../core/pdf/render.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { authorize, authorizeType, type Actor } from '../../policy/index.js';
import {
  CERTIFICATE_KINDS,
  CERTIFICATE_TITLES,
  certificateNumber,
  EVENT_KIND_LABELS,
  type CertificateKind,
  type EventKind,
} from '../../../shared/results/rules.js';
import { newVerificationCode } from '../agreements/commands.js';
import { needActor } from './announcements.js';
import { factsOf, holderName, matchesOf, matchPartyUserIds } from './matches.js';

/*
 * 证明 (certificates): of participation in an event (an account linked to it) and of a successful match (the
 * poster's side and every confirmed member of the taker's side). Issued once per account and subject with a
 * number and a verification code; the holder downloads the PDF; anyone confirms it by code in public.
 */

export const IssueInput = z.object({
  kind: z.enum(CERTIFICATE_KINDS),
  subjectId: z.number().int().positive(),
});

interface Subject {
  kind: CertificateKind;
  subjectKey: string;
  subjectId: number;
  title: string;
  date: string;
  detail: string;
}

async function sideOf(db: DbOrTrx, actor: Actor, solutionId: number): Promise<string> {
  const r = await db
    .selectFrom('solutions as s')
    .innerJoin('challenges as c', 'c.id', 's.challenge_id')
    .select(['c.poster_user_id', 'c.unit_id'])
    .where('s.id', '=', solutionId)
    .executeTakeFirstOrThrow();
  const poster = r.poster_user_id === actor.id || (r.unit_id !== null && r.unit_id === actor.unitId);
  return poster ? '张榜方' : '揭榜方';
}

/** What this account may hold a certificate for (its events and its matches). */
async function subjectsOf(db: DbOrTrx, actor: Actor): Promise<Subject[]> {
  const events = await db
    .selectFrom('results_event_participants as p')
    .innerJoin('results_events as e', 'e.id', 'p.event_id')
    .select(['e.id', 'e.name', 'e.kind', 'e.held_on', 'e.place'])
    .where('p.user_id', '=', actor.id)
    .orderBy('e.held_on', 'desc')
    .execute();
  const out: Subject[] = events.map((e) => ({
    kind: 'participation',
    subjectKey: `event:${e.id}`,
    subjectId: e.id,
    title: e.name,
    date: e.held_on,
    detail: `${EVENT_KIND_LABELS[e.kind as EventKind]?.['zh-CN'] ?? e.kind}，${e.place}`,
  }));
  const ids = await matchesOf(db, actor.id, actor.role === 'unit' ? actor.unitId : null);
  const facts = await factsOf(db, ids);
  for (const id of ids) {
    const f = facts.get(id);
    if (!f) continue;
    out.push({
      kind: 'match',
      subjectKey: `solution:${id}`,
      subjectId: id,
      title: f.needTitle,
      date: f.matchedOn,
      detail: `${await sideOf(db, actor, id)}；张榜方：${f.posterName}；揭榜方：${f.takerName}`,
    });
  }
  return out;
}

/** 我的证明: every subject with its certificate once issued. */
export async function myCertificates(db: DbOrTrx, actor: Actor) {
  authorizeType(actor, 'certificate', 'list_mine');
  const subjects = await subjectsOf(db, actor);
  const issued = await db.selectFrom('certificates').selectAll().where('user_id', '=', actor.id).execute();
  const byKey = new Map(issued.map((c) => [c.subject_key, c]));
  return {
    items: subjects.map((s) => {
      const c = byKey.get(s.subjectKey);
      return {
        kind: s.kind,
        subjectId: s.subjectId,
        title: s.title,
        date: s.date,
        detail: s.detail,
        certificate: c
          ? { id: c.id, number: c.number, verificationCode: c.verification_code, issuedAt: c.issued_at }
          : null,
      };
    }),
  };
}

/** Issues the certificate (or returns the one issued before). Not a participant or party: 404. */
export async function issueCertificate(
  ctx: CommandCtx,
  input: z.infer<typeof IssueInput>,
): Promise<{ id: number; created: boolean }> {
  const actor = needActor(ctx);
  authorizeType(actor, 'certificate', 'list_mine');
  const key = `${input.kind === 'match' ? 'solution' : 'event'}:${input.subjectId}`;
  const subject = (await subjectsOf(ctx.trx, actor)).find((s) => s.subjectKey === key);
  if (!subject) throw new AppError('NOT_FOUND');
  if (input.kind === 'match' && !(await matchPartyUserIds(ctx.trx, input.subjectId)).includes(actor.id))
    throw new AppError('NOT_FOUND');
  const existing = await ctx.trx
    .selectFrom('certificates')
    .select('id')
    .where('user_id', '=', actor.id)
    .where('subject_key', '=', key)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const code = newVerificationCode();
  const now = nowIso();
  const holder = await holderName(ctx.trx, actor.id);
  const row = await ctx.trx
    .insertInto('certificates')
    .values({
      kind: input.kind,
      number: `pending-${code}`,
      verification_code: code,
      user_id: actor.id,
      subject_key: key,
      holder_name: holder.name,
      subject_title: subject.title,
      subject_date: subject.date,
      detail: subject.detail,
      issued_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const number = certificateNumber(input.kind, Number(now.slice(0, 4)), row.id);
  await ctx.trx.updateTable('certificates').set({ number }).where('id', '=', row.id).execute();
  await writeAudit(ctx, {
    action: 'certificate.issued',
    entityType: 'certificate',
    entityId: row.id,
    after: { kind: input.kind, subject: key, number },
  });
  return { id: row.id, created: true };
}

export async function loadCertificate(db: DbOrTrx, actor: Actor, id: number) {
  const c = await db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  authorize(actor, 'certificate', 'view', { id: c.id, userId: c.user_id });
  return c;
}
export type CertificateRow = Awaited<ReturnType<typeof loadCertificate>>;

export function presentCertificate(c: CertificateRow) {
  return {
    id: c.id,
    kind: c.kind,
    number: c.number,
    verificationCode: c.verification_code,
    holderName: c.holder_name,
    subjectTitle: c.subject_title,
    subjectDate: c.subject_date,
    detail: c.detail,
    issuedAt: c.issued_at,
  };
}

export async function certificatePdf(c: CertificateRow): Promise<Buffer> {
  const kind = c.kind as CertificateKind;
  const title = CERTIFICATE_TITLES[kind]['zh-CN'];
  const body =
    kind === 'match'
      ? `兹证明 ${c.holder_name} 作为${c.detail.split('；')[0]}，参与的揭榜领题需求「${c.subject_title}」于 ${c.subject_date} 在博后通平台双方确认，揭榜对接成功。`
      : `兹证明 ${c.holder_name} 于 ${c.subject_date} 参加了「${c.subject_title}」（${c.detail}）。`;
  const blocks: PdfBlock[] = [
    { kind: 'spacer', height: 40 },
    { kind: 'title', text: title },
    { kind: 'subtitle', text: `证明编号 ${c.number}` },
    { kind: 'spacer', height: 30 },
    { kind: 'paragraph', text: body },
    { kind: 'spacer', height: 12 },
    ...(kind === 'match'
      ? [{ kind: 'paragraph' as const, text: c.detail.split('；').slice(1).join('\n') }]
      : []),
    { kind: 'spacer', height: 24 },
    { kind: 'field', label: '证明编号', value: c.number },
    { kind: 'field', label: '验证码', value: c.verification_code },
    { kind: 'field', label: '签发日期', value: c.issued_at.slice(0, 10) },
    { kind: 'spacer', height: 24 },
    {
      kind: 'paragraph',
      text: '特此证明。本证明由博后通平台签发，可凭验证码在平台“证明验证”页（/verify/certificate）核验真伪。',
    },
    { kind: 'spacer', height: 30 },
    { kind: 'paragraph', text: '重庆市博士后工作办公室' },
  ];
  const bytes = await renderPdf(blocks, {
    title,
    footer: `证明编号 ${c.number}  验证码 ${c.verification_code}`,
  });
  return Buffer.from(bytes);
}

const mask = (name: string): string => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(name.length - 1)}`);

/** The public verification by code: `valid` with what the certificate shows (a person's name masked), or `unknown`. */
export async function verifyCertificate(db: DbOrTrx, code: string) {
  const c = /^[A-Z2-7]{16}$/.test(code)
    ? await db.selectFrom('certificates').selectAll().where('verification_code', '=', code).executeTakeFirst()
    : undefined;
  if (!c) return { verdict: 'unknown' as const, certificate: null };
  const holder = await db.selectFrom('users').select('role').where('id', '=', c.user_id).executeTakeFirst();
  return {
    verdict: 'valid' as const,
    certificate: {
      number: c.number,
      kind: c.kind,
      title: CERTIFICATE_TITLES[c.kind as CertificateKind]['zh-CN'],
      holderName: holder?.role === 'unit' ? c.holder_name : mask(c.holder_name),
      subjectTitle: c.subject_title,
      subjectDate: c.subject_date,
      issuedAt: c.issued_at,
    },
  };
}
