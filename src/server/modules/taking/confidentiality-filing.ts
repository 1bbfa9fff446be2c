import type { CommandCtx } from '../../core/context.js';
import type { Db, DialectName } from '../../db/index.js';
import { loadActor } from '../accounts/sessions.js';
import { createAgreement, type AgreementDeps } from '../agreements/commands.js';
import { recordSignature } from '../agreements/signing.js';
import { displayName, POSTER_ROLE, TAKER_ROLE } from '../agreements/subjects.js';

/*
 * A 保密书 accepted on a need becomes a filed one-party document (seed 002 §三(一): "参与方承诺书、保密书 … 在线
 * 签署及备案"), as the commitment letters do: made by the outbox after the acceptance has committed, from the
 * side's template (migration 014) with the accepted words, signed by the acceptance itself (its time, IP and
 * browser), then filed and sealed by the platform. The acceptance row keeps the document's id; a retried
 * message finds it there.
 */
const ROLE = { taker: TAKER_ROLE, poster: POSTER_ROLE } as const;

const beijing = (iso: string): string =>
  `${new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')}（北京时间）`;

export async function fileConfidentialityDocument(
  db: Db,
  dialect: DialectName,
  deps: AgreementDeps,
  acceptanceId: number,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('confidentiality_acceptances as a')
      .innerJoin('challenges as c', 'c.id', 'a.challenge_id')
      .select([
        'a.id',
        'a.user_id',
        'a.side',
        'a.version',
        'a.text',
        'a.accepted_at',
        'a.ip',
        'a.user_agent',
        'a.agreement_id',
        'c.id as challengeId',
        'c.title as challengeTitle',
        'c.region_id as regionId',
      ])
      .where('a.id', '=', acceptanceId)
      .executeTakeFirst();
    if (!a) return null;
    if (a.agreement_id !== null) return a.agreement_id;
    const side = a.side === 'poster' ? 'poster' : 'taker';
    const actor = await loadActor(trx, a.user_id);
    const ctx: CommandCtx = { trx, dialect, actor, ip: a.ip, userAgent: a.user_agent };
    const id = await createAgreement(ctx, deps, {
      templateKey: `confidentiality_${side}`,
      subject: { type: 'challenge', id: a.challengeId },
      regionId: a.regionId,
      parties: [{ userId: a.user_id, role: ROLE[side] }],
      fields: {
        party_name: await displayName(trx, a.user_id),
        challenge_title: a.challengeTitle,
        challenge_id: String(a.challengeId),
        confidentiality_version: a.version,
        confidentiality_text: a.text,
        accepted_at: beijing(a.accepted_at),
      },
    });
    await recordSignature(ctx, deps, id, 'acceptance');
    await trx
      .updateTable('confidentiality_acceptances')
      .set({ agreement_id: id })
      .where('id', '=', a.id)
      .where('agreement_id', 'is', null)
      .execute();
    return id;
  });
}
