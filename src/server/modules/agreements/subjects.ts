import { z } from 'zod';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Trx } from '../../db/index.js';
import { authorizeType } from '../../policy/index.js';
import { DOMAIN_LABELS } from '../../../shared/labels.js';
import { todayInChina, type Domain } from '../../../shared/roles.js';
import { createAgreement, needActor, type AgreementDeps } from './commands.js';
import { recordSignature } from './signing.js';
import { activeTemplate } from './templates.js';

/**
 * Agreements about a posting (subject `challenge`): the office makes a 合作协议 or 保密书 between the
 * poster and a taker it names (until the matching issue makes them from a match), and the poster's
 * acceptance of the commitment letter (承诺书) is filed as a one-party document.
 */
export const POSTER_ROLE = '张榜方';
export const TAKER_ROLE = '揭榜方';

export const ChallengeAgreementBody = z.strictObject({
  templateKey: z.string().regex(/^[a-z][a-z0-9_]{2,39}$/),
  challengeId: z.number().int().positive(),
  takerUsername: z.string().trim().min(1).max(64),
  /** Values for the template's fields the platform cannot fill (e.g. 合作内容, dates): override any. */
  fields: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().max(2000)).default({}),
});
export type ChallengeAgreementInput = z.infer<typeof ChallengeAgreementBody>;

export async function displayName(trx: Trx, userId: number): Promise<string> {
  const u = await trx
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('person_profiles', 'person_profiles.user_id', 'users.id')
    .select(['users.display_name', 'units.name as unitName', 'person_profiles.name as personName'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return u.unitName ?? u.personName ?? u.display_name;
}

const addYears = (date: string, n: number): string => `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;

export async function createForChallenge(
  ctx: CommandCtx,
  deps: AgreementDeps,
  input: ChallengeAgreementInput,
): Promise<number> {
  authorizeType(needActor(ctx), 'agreement', 'create');
  const c = await ctx.trx
    .selectFrom('challenges')
    .selectAll()
    .where('id', '=', input.challengeId)
    .executeTakeFirst();
  if (!c || c.state !== 'published')
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'challengeId', key: 'challenge_not_published' }]);
  const taker = await ctx.trx
    .selectFrom('users')
    .select(['id', 'role', 'status'])
    .where('username', '=', input.takerUsername)
    .executeTakeFirst();
  if (!taker || taker.status !== 'active' || !['unit', 'individual'].includes(taker.role))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'takerUsername', key: 'party_account' }]);
  if (taker.id === c.poster_user_id)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'takerUsername', key: 'taker_is_poster' }]);
  const t = await activeTemplate(ctx.trx, input.templateKey);
  if (t.filing !== 'office' || t.parties.some((p) => p.role !== POSTER_ROLE && p.role !== TAKER_ROLE))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'templateKey', key: 'template_not_for_challenge' }]);
  const today = todayInChina();
  const auto: Record<string, string> = {
    poster_name: await displayName(ctx.trx, c.poster_user_id),
    taker_name: await displayName(ctx.trx, taker.id),
    challenge_title: c.title,
    challenge_id: String(c.id),
    domain: DOMAIN_LABELS[c.domain as Domain] ?? c.domain,
    amount_wan: String(c.budget_wan),
    sign_date: today,
    start_date: today,
    valid_until: addYears(today, 3),
  };
  const declared = new Set(t.fields.map((f) => f.name));
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(auto)) if (declared.has(k)) fields[k] = v;
  Object.assign(fields, input.fields);
  return createAgreement(ctx, deps, {
    templateKey: input.templateKey,
    subject: { type: 'challenge', id: c.id },
    regionId: c.region_id,
    parties: t.parties.map((p) => ({
      role: p.role,
      userId: p.role === POSTER_ROLE ? c.poster_user_id : taker.id,
    })),
    fields,
  });
}

/**
 * The poster's acceptance of a commitment letter, as a filed document: made from the kind's template
 * with the accepted text, signed by the acceptance itself (method `acceptance`), filed by the platform
 * (`filing: 'auto'`). A repeated acceptance of the same version by the same account files nothing new.
 */
export async function fileCommitmentLetter(
  ctx: CommandCtx,
  deps: AgreementDeps,
  c: { id: number; kind: string; title: string; regionId: number },
  letter: { version: string; text: string; acceptedAt: string },
): Promise<number> {
  const actor = needActor(ctx);
  const templateKey = `commitment_${c.kind}`;
  const existing = await ctx.trx
    .selectFrom('agreements as a')
    .innerJoin('agreement_parties as p', 'p.agreement_id', 'a.id')
    .select(['a.id', 'a.fields_json'])
    .where('a.subject_type', '=', 'challenge')
    .where('a.subject_id', '=', c.id)
    .where('a.template_key', '=', templateKey)
    .where('a.state', '=', 'filed')
    .where('p.user_id', '=', actor.id)
    .execute();
  const same = existing.find(
    (e) => (JSON.parse(e.fields_json) as Record<string, string>).commitment_version === letter.version,
  );
  if (same) return same.id;
  const id = await createAgreement(ctx, deps, {
    templateKey,
    subject: { type: 'challenge', id: c.id },
    regionId: c.regionId,
    parties: [{ userId: actor.id, role: POSTER_ROLE }],
    fields: {
      poster_name: await displayName(ctx.trx, actor.id),
      challenge_title: c.title,
      challenge_id: String(c.id),
      commitment_version: letter.version,
      commitment_text: letter.text,
      accepted_at: `${new Date(new Date(letter.acceptedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')}（北京时间）`,
    },
  });
  await recordSignature(ctx, deps, id, 'acceptance');
  return id;
}
