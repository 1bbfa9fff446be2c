import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { findTransition, inScope } from '../../core/workflow.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { authorize } from '../../policy/index.js';
import { lockState, needActor, type AgreementDeps } from './commands.js';
import { chinaYear, evidenceEvents, listEvents, recordEvent } from './events.js';
import { inspectPdf, sha256Hex } from './inspect.js';
import { loadAgreement, policyRes, readAgreement, type AgreementRecord } from './load.js';
import { renderFiled } from './pdf.js';
import { loadSigningKey } from './signing-key.js';
import { AGREEMENT_WORKFLOW } from './workflow.js';

export const filingNumber = (year: number, seq: number): string => `渝博备〔${year}〕${seq}号`;

/**
 * The next filing number of the year from its counter row. On PostgreSQL it is drawn on the root
 * handle, committed at once like a sequence, so a filing (which renders and seals the PDF, a second or
 * so) never holds the counter's row lock and concurrent filings do not queue; numbers are unique and
 * increasing, and a filing that fails after drawing one leaves a gap. SQLite serialises writers anyway
 * (one connection), so there it is drawn inside the filing transaction and rolls back with it.
 */
async function nextFilingSeq(db: DbOrTrx, year: number): Promise<number> {
  await db
    .insertInto('agreement_counters')
    .values({ year, last_seq: 0 })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  const row = await db
    .updateTable('agreement_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('year', '=', year)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/**
 * Files a signed document (备案): the next filing number of the year, the evidence certificate
 * appended, the whole PDF sealed with the platform key, its hash kept for verification. The state
 * change is compare-and-set (signed → filed); the year's counter hands out the numbers.
 */
async function sealAndFile(
  ctx: CommandCtx,
  deps: AgreementDeps,
  a: AgreementRecord,
  filedBy: { name: string; userId: number | null; system: boolean },
): Promise<string> {
  await lockState(ctx.trx, a.id, ['signed']);
  const now = nowIso();
  const year = chinaYear(now);
  const seq = await nextFilingSeq(ctx.dialect === 'postgres' ? deps.db : ctx.trx, year);
  const number = filingNumber(year, seq);
  await recordEvent(ctx, a.id, {
    action: 'filed',
    from: 'signed',
    to: 'filed',
    sha256: a.documentSha256,
    detail: `${number} ${filedBy.name}`,
    system: filedBy.system,
  });
  const documentPdf = await deps.storage.get(a.documentKey);
  if (sha256Hex(documentPdf) !== a.documentSha256)
    throw new Error(`stored document of agreement ${a.id} changed`);
  const filed = await renderFiled(
    documentPdf,
    {
      number: a.number,
      title: a.title,
      templateKey: a.templateKey,
      templateVersion: a.templateVersion,
      verificationCode: a.verificationCode,
      bodyText: a.bodyText,
      createdAt: a.createdAt,
      parties: a.parties.map((p) => ({ roleLabel: p.roleLabel, name: p.name, order: p.order })),
    },
    {
      filingNumber: number,
      filedAt: now,
      filedBy: filedBy.name,
      documentSha256: a.documentSha256,
      events: evidenceEvents(await listEvents(ctx.trx, a.id)),
    },
    loadSigningKey(deps.config),
  );
  const sha = sha256Hex(filed);
  const signature = inspectPdf(filed).signature;
  if (!signature?.valid) throw new Error(`sealing agreement ${a.id} produced an invalid signature`);
  const key = `agreements/${a.id}/filed-${sha.slice(0, 12)}.pdf`;
  await deps.storage.put(key, filed);
  await ctx.trx
    .updateTable('agreements')
    .set({
      state: 'filed',
      filing_year: year,
      filing_seq: seq,
      filing_number: number,
      filed_at: now,
      filed_by: filedBy.userId,
      filed_key: key,
      filed_sha256: sha,
      signature_sha256: signature.contentsSha256,
      updated_at: now,
    })
    .where('id', '=', a.id)
    .where('state', '=', 'signed')
    .execute();
  await writeAudit(ctx, {
    action: 'agreement.filed',
    entityType: 'agreement',
    entityId: a.id,
    regionId: a.regionId,
    before: { state: 'signed' },
    after: { state: 'filed', filingNumber: number, sha256: sha, by: filedBy.name },
  });
  return number;
}

/** The office files a signed document (the municipal office any, a district office its own). */
export async function fileAgreement(ctx: CommandCtx, deps: AgreementDeps, id: number): Promise<string> {
  const actor = needActor(ctx);
  const a = await loadAgreement(ctx.trx, actor, id);
  const rows = AGREEMENT_WORKFLOW.filter((t) => t.action === 'file' && t.roles.includes(actor.role));
  if (rows.length === 0) authorize(actor, 'agreement', 'file', policyRes(a));
  const t = findTransition(rows, a.state, 'file');
  if (!t) throw new AppError('STATE_CONFLICT', { state: a.state });
  const inRegion = actor.regionId !== null && actor.regionId === a.regionId;
  if (!inScope(t, { isOwner: false, inRegion })) throw new AppError('FORBIDDEN');
  let offices = ctx.trx.selectFrom('regions').select('name');
  offices =
    actor.role === 'district_officer'
      ? offices.where('id', '=', actor.regionId ?? 0)
      : offices.where('kind', '=', 'municipal');
  const office = await offices.executeTakeFirst();
  return sealAndFile(ctx, deps, a, {
    name: office?.name ?? '博士后工作办公室',
    userId: actor.id,
    system: false,
  });
}

/** Templates with `filing: 'auto'` are filed by the platform as soon as the last party signed. */
export async function autoFile(ctx: CommandCtx, deps: AgreementDeps, id: number): Promise<string> {
  const a = await readAgreement(ctx.trx, id);
  if (!a) throw new AppError('NOT_FOUND');
  return sealAndFile(ctx, deps, a, { name: '博后通平台（自动备案）', userId: null, system: true });
}
