import type { CommandCtx } from '../../core/context.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import type { EvidenceFacts } from './pdf.js';

export const chinaYear = (iso: string): number =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).getUTCFullYear();

/** One line of the document's signature record (shown in the evidence certificate). */
export async function recordEvent(
  ctx: CommandCtx,
  agreementId: number,
  e: {
    action: string;
    from: string;
    to: string;
    roleLabel?: string;
    sha256?: string;
    detail?: string;
    system?: boolean;
  },
): Promise<void> {
  const system = e.system === true || !ctx.actor;
  await ctx.trx
    .insertInto('agreement_events')
    .values({
      agreement_id: agreementId,
      action: e.action,
      from_state: e.from,
      to_state: e.to,
      actor_id: system ? null : (ctx.actor?.id ?? null),
      actor_name: system ? '博后通平台' : (ctx.actor?.username ?? ''),
      actor_role: system ? 'system' : (ctx.actor?.role ?? ''),
      role_label: e.roleLabel ?? '',
      ip: system ? '' : ctx.ip,
      user_agent: system ? '' : ctx.userAgent.slice(0, 300),
      document_sha256: e.sha256 ?? '',
      detail: (e.detail ?? '').slice(0, 500),
      at: nowIso(),
    })
    .execute();
}

export interface EventView {
  action: string;
  from: string;
  to: string;
  actorName: string;
  actorRole: string;
  roleLabel: string;
  ip: string;
  userAgent: string;
  sha256: string;
  detail: string;
  at: string;
}

export async function listEvents(db: DbOrTrx, agreementId: number): Promise<EventView[]> {
  const rows = await db
    .selectFrom('agreement_events')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    from: r.from_state,
    to: r.to_state,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    roleLabel: r.role_label,
    ip: r.ip,
    userAgent: r.user_agent,
    sha256: r.document_sha256,
    detail: r.detail,
    at: r.at,
  }));
}

export const evidenceEvents = (events: EventView[]): EvidenceFacts['events'] =>
  events.map((e) => ({
    at: e.at,
    action: e.action,
    actor: e.actorName,
    roleLabel: e.roleLabel,
    ip: e.ip,
    userAgent: e.userAgent,
    sha256: e.sha256,
    detail: e.detail,
  }));
