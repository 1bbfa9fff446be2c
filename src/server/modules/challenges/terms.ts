import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, type DbOrTrx } from '../../db/index.js';
import { authorizeType } from '../../policy/index.js';
import { normalise } from '../../../shared/challenges/tokens.js';

const word = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._+-]*$/u, { message: 'invalid_format' });

/** A dictionary entry: 柑橘 = 柑桔 (synonyms, both ways); 中药材 ⊃ 百蕊草 (narrower, found by the term). */
export const TermBody = z.object({
  term: word,
  synonyms: z.array(word).max(20).default([]),
  narrower: z.array(word).max(50).default([]),
});
export type TermInput = z.infer<typeof TermBody>;

export async function listTerms(db: DbOrTrx) {
  const rows = await db.selectFrom('challenge_terms').selectAll().orderBy('term').execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      term: r.term,
      synonyms: JSON.parse(r.synonyms_json) as string[],
      narrower: JSON.parse(r.narrower_json) as string[],
      updatedAt: r.updated_at,
    })),
  };
}

const clean = (xs: string[], self: string): string[] =>
  [...new Set(xs.map(normalise))].filter((x) => x !== self);

async function assertFree(ctx: CommandCtx, term: string, exceptId?: number): Promise<void> {
  let q = ctx.trx.selectFrom('challenge_terms').select('id').where('term', '=', term);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst())
    throw new AppError('DUPLICATE', {}, [{ path: 'term', key: 'term_duplicate' }]);
}

export async function saveTerm(ctx: CommandCtx, input: TermInput, id?: number): Promise<number> {
  authorizeType(ctx.actor, 'challenge_terms', 'manage');
  const term = normalise(input.term);
  await assertFree(ctx, term, id);
  const values = {
    term,
    synonyms_json: JSON.stringify(clean(input.synonyms, term)),
    narrower_json: JSON.stringify(clean(input.narrower, term)),
    updated_at: nowIso(),
    updated_by: ctx.actor?.id ?? null,
  };
  let savedId: number;
  let before: unknown = null;
  if (id === undefined) {
    const row = await ctx.trx
      .insertInto('challenge_terms')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    savedId = row.id;
  } else {
    const old = await ctx.trx
      .selectFrom('challenge_terms')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!old) throw new AppError('NOT_FOUND');
    before = { term: old.term, synonyms: old.synonyms_json, narrower: old.narrower_json };
    await ctx.trx.updateTable('challenge_terms').set(values).where('id', '=', id).execute();
    savedId = id;
  }
  await writeAudit(ctx, {
    action: id === undefined ? 'challenge_term.created' : 'challenge_term.updated',
    entityType: 'challenge_term',
    entityId: savedId,
    before,
    after: { term, synonyms: values.synonyms_json, narrower: values.narrower_json },
  });
  return savedId;
}

export async function deleteTerm(ctx: CommandCtx, id: number): Promise<void> {
  authorizeType(ctx.actor, 'challenge_terms', 'manage');
  const old = await ctx.trx.selectFrom('challenge_terms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!old) throw new AppError('NOT_FOUND');
  await ctx.trx.deleteFrom('challenge_terms').where('id', '=', id).execute();
  await writeAudit(ctx, {
    action: 'challenge_term.deleted',
    entityType: 'challenge_term',
    entityId: id,
    before: { term: old.term, synonyms: old.synonyms_json, narrower: old.narrower_json },
  });
}
