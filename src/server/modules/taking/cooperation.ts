import type { CommandCtx } from '../../core/context.js';
import { enqueue } from '../../core/outbox.js';
import type { Db, DialectName } from '../../db/index.js';
import { DOMAIN_LABELS } from '../../../shared/labels.js';
import { todayInChina, type Domain } from '../../../shared/roles.js';
import { createAgreement, type AgreementDeps } from '../agreements/commands.js';
import { displayName, POSTER_ROLE, TAKER_ROLE } from '../agreements/subjects.js';
import { toSignups, toSolution } from './load.js';

/*
 * 对接成功 → 合作协议 (seed 002 §三(三): "双方签订合作协议，并在平台备案"). When both sides have confirmed a
 * match, the outbox (after the match has committed) makes the cooperation agreement from the office's
 * current template: the taker signs first, then the poster; the office files it. The platform fills what
 * it knows (parties, need, amount, dates from the solution's milestones); the document names its template
 * version. Made once per match: a retried message finds the live document it made before.
 */
export const COOPERATION_TEMPLATE = 'cooperation';

export async function fileCooperationAgreement(
  db: Db,
  dialect: DialectName,
  deps: AgreementDeps,
  solutionId: number,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('solutions').selectAll().where('id', '=', solutionId).executeTakeFirst();
    if (!row || row.decision !== 'matched') return null;
    const solution = toSolution(row);
    const c = await trx
      .selectFrom('challenges')
      .select([
        'id',
        'title',
        'domain',
        'region_id as regionId',
        'poster_user_id as posterUserId',
        'budget_wan as budgetWan',
      ])
      .where('id', '=', solution.challengeId)
      .executeTakeFirstOrThrow();
    const signupRow = await trx
      .selectFrom('signups')
      .selectAll()
      .where('id', '=', solution.signupId)
      .executeTakeFirstOrThrow();
    const [signup] = await toSignups(trx, [signupRow]);
    const made = await trx
      .selectFrom('agreements as a')
      .innerJoin('agreement_parties as p', 'p.agreement_id', 'a.id')
      .select('a.id')
      .where('a.template_key', '=', COOPERATION_TEMPLATE)
      .where('a.subject_type', '=', 'challenge')
      .where('a.subject_id', '=', solution.challengeId)
      .where('a.state', 'in', ['signing', 'signed', 'filed'])
      .where('p.user_id', '=', signup!.leaderUserId)
      .executeTakeFirst();
    if (made) return made.id;
    const leaderName = await displayName(trx, signup!.leaderUserId);
    const takerName = signup!.teamName ? `${signup!.teamName}（负责人：${leaderName}）` : leaderName;
    const dues = solution.content.milestones.map((m) => m.due).sort();
    const today = todayInChina();
    const ctx: CommandCtx = { trx, dialect, actor: null, ip: '127.0.0.1', userAgent: 'outbox' };
    const id = await createAgreement(ctx, deps, {
      templateKey: COOPERATION_TEMPLATE,
      subject: { type: 'challenge', id: c.id },
      regionId: c.regionId,
      parties: [
        { role: TAKER_ROLE, userId: signup!.leaderUserId },
        { role: POSTER_ROLE, userId: c.posterUserId },
      ],
      fields: {
        poster_name: await displayName(trx, c.posterUserId),
        taker_name: takerName,
        challenge_title: c.title,
        challenge_id: String(c.id),
        domain: DOMAIN_LABELS[c.domain as Domain] ?? c.domain,
        cooperation_scope: `“${c.title}”揭榜方案（方案编号 ${solutionId}）所列的研发与实施工作`,
        amount_wan: String(solution.content.budgetWan || c.budgetWan),
        start_date: today,
        end_date: dues[dues.length - 1] ?? today,
        sign_date: today,
      },
    });
    await enqueue(trx, 'notify', {
      userIds: [signup!.leaderUserId, c.posterUserId],
      title: '合作协议待签署',
      body: `“${c.title}”对接成功，合作协议已生成：请揭榜方先签署，张榜方随后签署，签署后由博管办备案。`,
      link: `/console/agreements`,
    });
    return id;
  });
}
