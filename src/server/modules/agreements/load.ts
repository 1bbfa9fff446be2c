import { AppError } from '../../core/errors.js';
import type { DbOrTrx } from '../../db/index.js';
import { authorize, can, type MaybeActor, type ResourceMap } from '../../policy/index.js';
import type { AgreementState } from './workflow.js';

export interface PartyRecord {
  id: number;
  userId: number;
  roleLabel: string;
  order: number;
  name: string;
  state: 'pending' | 'signed' | 'declined';
  method: string;
  signedAt: string | null;
  ip: string;
  userAgent: string;
  signedSha256: string;
  reason: string;
}

export interface AgreementRecord {
  id: number;
  number: string;
  templateId: number;
  templateKey: string;
  templateVersion: number;
  title: string;
  subjectType: string;
  subjectId: number;
  regionId: number | null;
  fields: Record<string, string>;
  bodyText: string;
  state: AgreementState;
  verificationCode: string;
  documentKey: string;
  documentSha256: string;
  filedKey: string | null;
  filedSha256: string | null;
  filingNumber: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  filedAt: string | null;
  closedReason: string;
  parties: PartyRecord[];
}

export async function readAgreement(db: DbOrTrx, id: number): Promise<AgreementRecord | null> {
  const r = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const parties = await db
    .selectFrom('agreement_parties')
    .selectAll()
    .where('agreement_id', '=', id)
    .orderBy('party_order')
    .orderBy('id')
    .execute();
  return {
    id: r.id,
    number: r.number ?? '',
    templateId: r.template_id,
    templateKey: r.template_key,
    templateVersion: r.template_version,
    title: r.title,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    regionId: r.region_id,
    fields: JSON.parse(r.fields_json) as Record<string, string>,
    bodyText: r.body_text,
    state: r.state as AgreementState,
    verificationCode: r.verification_code,
    documentKey: r.document_key,
    documentSha256: r.document_sha256,
    filedKey: r.filed_key,
    filedSha256: r.filed_sha256,
    filingNumber: r.filing_number,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    signedAt: r.signed_at,
    filedAt: r.filed_at,
    closedReason: r.closed_reason,
    parties: parties.map((p) => ({
      id: p.id,
      userId: p.user_id,
      roleLabel: p.role_label,
      order: p.party_order,
      name: p.name,
      state: p.state as PartyRecord['state'],
      method: p.method,
      signedAt: p.signed_at,
      ip: p.ip,
      userAgent: p.user_agent,
      signedSha256: p.signed_sha256,
      reason: p.reason,
    })),
  };
}

export function policyRes(a: AgreementRecord): ResourceMap['agreement'] {
  return { id: a.id, partyUserIds: a.parties.map((p) => p.userId), regionId: a.regionId, state: a.state };
}

/** The agreement if the actor may see it; 404 (or 401) otherwise, revealing nothing. */
export async function loadAgreement(db: DbOrTrx, actor: MaybeActor, id: number): Promise<AgreementRecord> {
  const a = await readAgreement(db, id);
  if (!a) throw new AppError(actor ? 'NOT_FOUND' : 'UNAUTHENTICATED');
  authorize(actor, 'agreement', 'view', policyRes(a));
  return a;
}

/** The party whose turn it is may sign: no pending party has a lower order. */
export function isTurnOf(a: AgreementRecord, userId: number): boolean {
  const me = a.parties.find((p) => p.userId === userId);
  if (!me || me.state !== 'pending') return false;
  return !a.parties.some((p) => p.state === 'pending' && p.order < me.order);
}

export const canSee = (actor: MaybeActor, a: AgreementRecord): boolean =>
  can(actor, 'agreement', 'view', policyRes(a));
