import type { DbOrTrx } from '../../db/index.js';
import { can, type MaybeActor } from '../../policy/index.js';
import { listEvents, type EventView } from './events.js';
import { isTurnOf, policyRes, type AgreementRecord } from './load.js';

export interface AgreementView {
  id: number;
  number: string;
  title: string;
  templateKey: string;
  templateVersion: number;
  subject: { type: string; id: number };
  regionId: number | null;
  state: string;
  verificationCode: string;
  documentSha256: string;
  filedSha256: string | null;
  filingNumber: string | null;
  createdAt: string;
  signedAt: string | null;
  filedAt: string | null;
  closedReason: string;
  fields: Record<string, string>;
  bodyText: string;
  parties: Array<{
    roleLabel: string;
    order: number;
    name: string;
    state: string;
    method: string;
    signedAt: string | null;
    ip: string;
    userAgent: string;
    signedSha256: string;
    reason: string;
    isMe: boolean;
  }>;
  events: EventView[];
  /** What this caller may do now: sign, decline, file, cancel, download. */
  actions: string[];
}

export function agreementActions(actor: MaybeActor, a: AgreementRecord): string[] {
  if (!actor) return [];
  const res = policyRes(a);
  const actions: string[] = [];
  const me = a.parties.find((p) => p.userId === actor.id);
  if (me && a.state === 'signing' && me.state === 'pending') {
    if (isTurnOf(a, actor.id)) actions.push('sign');
    actions.push('decline');
  }
  if (can(actor, 'agreement', 'file', res)) actions.push('file');
  if (can(actor, 'agreement', 'cancel', res)) actions.push('cancel');
  if (can(actor, 'agreement', 'view', res)) actions.push('download');
  return actions;
}

export async function presentAgreement(
  db: DbOrTrx,
  actor: MaybeActor,
  a: AgreementRecord,
): Promise<AgreementView> {
  return {
    id: a.id,
    number: a.number,
    title: a.title,
    templateKey: a.templateKey,
    templateVersion: a.templateVersion,
    subject: { type: a.subjectType, id: a.subjectId },
    regionId: a.regionId,
    state: a.state,
    verificationCode: a.verificationCode,
    documentSha256: a.documentSha256,
    filedSha256: a.filedSha256,
    filingNumber: a.filingNumber,
    createdAt: a.createdAt,
    signedAt: a.signedAt,
    filedAt: a.filedAt,
    closedReason: a.closedReason,
    fields: a.fields,
    bodyText: a.bodyText,
    parties: a.parties.map((p) => ({
      roleLabel: p.roleLabel,
      order: p.order,
      name: p.name,
      state: p.state,
      method: p.method,
      signedAt: p.signedAt,
      ip: p.ip,
      userAgent: p.userAgent,
      signedSha256: p.signedSha256,
      reason: p.reason,
      isMe: actor !== null && p.userId === actor.id,
    })),
    events: await listEvents(db, a.id),
    actions: agreementActions(actor, a),
  };
}
