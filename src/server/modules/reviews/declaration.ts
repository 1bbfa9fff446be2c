import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import type { Actor } from '../../policy/index.js';

/* 保密及利益冲突声明: an expert accepts it once a year before seeing anything of a review. */

export const DECLARATION_VERSION = '2026.1';
export const DECLARATION_TEXT =
  '本人承诺：对评审中知悉的揭榜方案、技术资料及评审意见严格保密，不复制、不泄露、不用于评审以外的目的；' +
  '如与被评审项目的揭榜方、张榜方存在任职、合作、亲属等利益关系，将主动申报并回避；独立、客观、公正地评分。';

export const currentYear = (): number => new Date().getUTCFullYear();

export async function declarationOf(db: DbOrTrx, userId: number, year = currentYear()) {
  return db
    .selectFrom('review_declarations')
    .selectAll()
    .where('user_id', '=', userId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Every reviews endpoint an expert calls passes here first. Other roles pass through (the policy decides). */
export async function requireDeclaration(db: DbOrTrx, actor: Actor): Promise<void> {
  if (actor.role !== 'expert') return;
  if (!(await declarationOf(db, actor.id)))
    throw new AppError('REVIEW_DECLARATION_REQUIRED', { year: currentYear() });
}

export async function acceptDeclaration(
  ctx: CommandCtx,
  input: { version: string; conflicts: string[] },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (actor.role !== 'expert') throw new AppError('FORBIDDEN');
  if (input.version !== DECLARATION_VERSION)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'version', key: 'invalid_value' }]);
  const year = currentYear();
  if (await declarationOf(ctx.trx, actor.id, year)) throw new AppError('DUPLICATE');
  const conflicts = [...new Set(input.conflicts.map((c) => c.trim()).filter((c) => c.length > 0))];
  const row = await ctx.trx
    .insertInto('review_declarations')
    .values({
      user_id: actor.id,
      year,
      version: DECLARATION_VERSION,
      text: DECLARATION_TEXT,
      conflicts_json: JSON.stringify(conflicts),
      ip: ctx.ip,
      accepted_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, {
    action: 'review_declaration.accepted',
    entityType: 'review_declaration',
    entityId: row.id,
    after: { year, version: DECLARATION_VERSION, conflicts },
  });
}
