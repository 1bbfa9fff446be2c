import { randomBytes } from 'node:crypto';
import { writeAudit } from '../../core/audit.js';
import type { Config } from '../../core/config.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { Storage } from '../../core/storage.js';
import { nowIso, type Db, type Trx } from '../../db/index.js';
import type { Actor } from '../../policy/index.js';
import { chinaYear, recordEvent } from './events.js';
import { renderDocument } from './pdf.js';
import { sha256Hex } from './inspect.js';
import { activeTemplate, fillTemplate } from './templates.js';

/**
 * What agreement commands need beyond the transaction: where PDFs go, the sealing key's config, and
 * the root database handle (filing numbers are drawn outside the transaction on PostgreSQL).
 */
export interface AgreementDeps {
  db: Db;
  storage: Storage;
  config: Pick<Config, 'dataDir' | 'signingP12Path' | 'signingP12Passphrase' | 'sessionIdleMinutes'>;
}

export interface CreateAgreementInput {
  templateKey: string;
  /** What the document is about, e.g. `{ type: 'challenge', id: 12 }`. */
  subject: { type: string; id: number };
  /** The district whose office may see and file it (null: the municipal office only). */
  regionId: number | null;
  /** One account per party role of the template. */
  parties: Array<{ userId: number; role: string }>;
  fields: Record<string, string>;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 16 characters of RFC 4648 base32 (80 random bits). */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const documentNumber = (year: number, id: number): string =>
  `BH-XY-${year}-${String(id).padStart(6, '0')}`;

/** A party's name on the document: the unit's name for a unit account, the person's name otherwise. */
async function partyName(
  trx: Trx,
  userId: number,
): Promise<{ name: string; role: string; status: string } | null> {
  const u = await trx
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('person_profiles', 'person_profiles.user_id', 'users.id')
    .select([
      'users.role',
      'users.status',
      'users.display_name',
      'units.name as unitName',
      'person_profiles.name as personName',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!u) return null;
  return { name: u.unitName ?? u.personName ?? u.display_name, role: u.role, status: u.status };
}

/**
 * Makes a document from the active version of a template, for a subject, with its parties in the
 * template's signing order: the PDF is rendered and stored now, and its SHA-256 is what each party
 * signs. Callers authorise (the office route, or another module acting for its own user).
 */
export async function createAgreement(
  ctx: CommandCtx,
  deps: AgreementDeps,
  input: CreateAgreementInput,
): Promise<number> {
  const t = await activeTemplate(ctx.trx, input.templateKey);
  const { text, fields } = fillTemplate(t, input.fields);
  const problems: FieldError[] = [];
  const parties: Array<{ userId: number; role: string; order: number; name: string }> = [];
  for (const tp of t.parties) {
    const i = input.parties.findIndex((p) => p.role === tp.role);
    const given = input.parties[i];
    if (!given) {
      problems.push({ path: 'parties', key: 'party_missing', params: { role: tp.role } });
      continue;
    }
    const who = await partyName(ctx.trx, given.userId);
    if (!who || who.status !== 'active' || !['unit', 'individual'].includes(who.role))
      problems.push({ path: `parties.${i}.userId`, key: 'party_account' });
    else if (parties.some((p) => p.userId === given.userId))
      problems.push({ path: `parties.${i}.userId`, key: 'party_twice' });
    else parties.push({ userId: given.userId, role: tp.role, order: tp.order, name: who.name });
  }
  input.parties.forEach((p, i) => {
    if (!t.parties.some((tp) => tp.role === p.role))
      problems.push({ path: `parties.${i}.role`, key: 'party_role' });
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems);

  const now = nowIso();
  const code = newVerificationCode();
  const row = await ctx.trx
    .insertInto('agreements')
    .values({
      number: null,
      template_id: t.id,
      template_key: t.key,
      template_version: t.version,
      title: t.title,
      subject_type: input.subject.type,
      subject_id: input.subject.id,
      region_id: input.regionId,
      fields_json: JSON.stringify(fields),
      body_text: text,
      state: 'signing',
      verification_code: code,
      document_key: '',
      document_sha256: '',
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const number = documentNumber(chinaYear(now), row.id);
  const pdf = await renderDocument({
    number,
    title: t.title,
    templateKey: t.key,
    templateVersion: t.version,
    verificationCode: code,
    bodyText: text,
    createdAt: now,
    parties: parties.map((p) => ({ roleLabel: p.role, name: p.name, order: p.order })),
  });
  const sha = sha256Hex(pdf);
  const key = `agreements/${row.id}/document-${sha.slice(0, 12)}.pdf`;
  await deps.storage.put(key, pdf);
  await ctx.trx
    .updateTable('agreements')
    .set({ number, document_key: key, document_sha256: sha })
    .where('id', '=', row.id)
    .execute();
  await ctx.trx
    .insertInto('agreement_parties')
    .values(
      parties.map((p) => ({
        agreement_id: row.id,
        user_id: p.userId,
        role_label: p.role,
        party_order: p.order,
        name: p.name,
        state: 'pending',
      })),
    )
    .execute();
  await recordEvent(ctx, row.id, { action: 'created', from: 'signing', to: 'signing', sha256: sha });
  await writeAudit(ctx, {
    action: 'agreement.created',
    entityType: 'agreement',
    entityId: row.id,
    regionId: input.regionId,
    after: { number, template: `${t.key}@${t.version}`, subject: input.subject, sha256: sha },
  });
  return row.id;
}

export function needActor(ctx: CommandCtx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/**
 * Locks the document row for this change (compare-and-set on the state): on PostgreSQL a concurrent
 * signer waits here and then sees the committed parties; zero rows is STATE_CONFLICT.
 */
export async function lockState(trx: Trx, id: number, states: string[]): Promise<void> {
  const res = await trx
    .updateTable('agreements')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .where('state', 'in', states)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return;
  const cur = await trx.selectFrom('agreements').select('state').where('id', '=', id).executeTakeFirst();
  throw new AppError('STATE_CONFLICT', { state: cur?.state ?? '?' });
}
