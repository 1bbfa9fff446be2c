import { writeAudit } from '../../core/audit.js';
import type { CommandCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { nowIso, type Trx } from '../../db/index.js';
import { authorize } from '../../policy/index.js';
import { indexTokens } from '../../../shared/challenges/tokens.js';
import { affinity } from '../../../shared/reviews/affinity.js';
import {
  assignExperts,
  reassign,
  type AssignmentProblem,
  type Pair,
} from '../../../shared/reviews/assignment.js';
import { conflictReasons, type ExpertProfile, type ItemParties } from '../../../shared/reviews/conflicts.js';
import type { Domain } from '../../../shared/roles.js';
import { currentYear } from './declaration.js';
import { needActor } from './experts.js';
import { normaliseInstitution, solutionFacts } from './facts.js';
import { loadRound, moveRound, type RoundRow } from './rounds.js';

/*
 * 专家分配: the round's items and the active experts mapped to indices for assignExperts (affinity from the
 * domains and keywords, conflicts from the data: same institution as the taker or the poster, team
 * membership, institutions the expert declared this year). Hand adjustments and recusals keep the rest.
 */

interface Problem {
  round: RoundRow;
  itemIds: number[];
  solutionIds: number[];
  expertIds: number[];
  parties: ItemParties[];
  profiles: ExpertProfile[];
  problem: AssignmentProblem;
}

const tokensOf = (words: readonly string[]): string[] => words.flatMap((w) => indexTokens(w));

async function buildProblem(trx: Trx, round: RoundRow, extraExpert?: number): Promise<Problem> {
  const items = await trx
    .selectFrom('review_items')
    .select(['id', 'solution_id'])
    .where('round_id', '=', round.id)
    .orderBy('position')
    .execute();
  const facts = await solutionFacts(
    trx,
    items.map((i) => i.solution_id),
  );
  let eq = trx.selectFrom('review_experts').selectAll().orderBy('user_id');
  eq =
    extraExpert === undefined
      ? eq.where('active', '=', 1)
      : eq.where((w) => w.or([w('active', '=', 1), w('user_id', '=', extraExpert)]));
  const experts = await eq.execute();
  const declarations = await trx
    .selectFrom('review_declarations')
    .select(['user_id', 'conflicts_json'])
    .where('year', '=', currentYear())
    .execute();
  const parties: ItemParties[] = items.map((i) => {
    const f = facts.get(i.solution_id)!;
    return {
      id: i.solution_id,
      posterInstitution: f.posterInstitution,
      takerInstitution: f.takerInstitution,
      teamPersonIds: f.teamUserIds,
    };
  });
  const profiles: ExpertProfile[] = experts.map((e) => {
    const declared = new Set(
      JSON.parse(declarations.find((d) => d.user_id === e.user_id)?.conflicts_json ?? '[]') as string[],
    );
    const names = new Set([...declared].map(normaliseInstitution).filter((n): n is string => n !== null));
    const hit = (inst: ItemParties['posterInstitution']) => inst !== null && names.has(String(inst));
    return {
      id: e.user_id,
      personId: e.user_id,
      institution: normaliseInstitution(e.institution),
      declaredItemIds: parties
        .filter((p) => hit(p.posterInstitution) || hit(p.takerInstitution))
        .map((p) => p.id),
    };
  });
  const topics = items.map((i) => {
    const f = facts.get(i.solution_id)!;
    return { domain: f.domain as Domain, keywords: tokensOf([f.title]) };
  });
  const expertTopics = experts.map((e) => ({
    domains: [e.primary_domain as Domain, ...(JSON.parse(e.secondary_domains_json) as Domain[])],
    keywords: tokensOf(JSON.parse(e.keywords_json) as string[]),
  }));
  const conflict = (i: number, e: number) => conflictReasons(parties[i]!, profiles[e]!).length > 0;
  return {
    round,
    itemIds: items.map((i) => i.id),
    solutionIds: items.map((i) => i.solution_id),
    expertIds: experts.map((e) => e.user_id),
    parties,
    profiles,
    problem: {
      items: items.length,
      experts: experts.length,
      k: round.k,
      load: round.load_limit,
      affinity: (i, e) => affinity(topics[i]!, expertTopics[e]!).score,
      conflict,
    },
  };
}

async function currentPairs(trx: Trx, p: Problem) {
  const rows = await trx
    .selectFrom('review_assignments')
    .select(['id', 'item_id', 'expert_user_id', 'state', 'pinned', 'submitted_at'])
    .where('round_id', '=', p.round.id)
    .execute();
  const toPair = (r: { item_id: number; expert_user_id: number }): Pair => ({
    item: p.itemIds.indexOf(r.item_id),
    expert: p.expertIds.indexOf(r.expert_user_id),
  });
  return { rows, toPair };
}

async function insertPairs(trx: Trx, p: Problem, pairs: readonly Pair[], pinned: boolean): Promise<void> {
  const now = nowIso();
  for (const pair of pairs)
    await trx
      .insertInto('review_assignments')
      .values({
        round_id: p.round.id,
        item_id: p.itemIds[pair.item]!,
        expert_user_id: p.expertIds[pair.expert]!,
        state: 'assigned',
        pinned: pinned ? 1 : 0,
        affinity: p.problem.affinity(pair.item, pair.expert).toFixed(4),
        scores_json: '[]',
        comment: '',
        revision: 1,
        submitted_at: null,
        reminded_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
}

const pairsView = (p: Problem, pairs: readonly Pair[]) =>
  pairs.map((x) => ({ solutionId: p.solutionIds[x.item]!, expertUserId: p.expertIds[x.expert]! }));

/** Computes the assignment (again): pinned pairs and recusals stay, every other pair is chosen anew. */
export async function computeAssignment(ctx: CommandCtx, roundId: number): Promise<void> {
  const actor = needActor(ctx);
  const round = await loadRound(ctx.trx, actor, roundId);
  if (round.state !== 'draft' && round.state !== 'assigning')
    throw new AppError('STATE_CONFLICT', { state: round.state });
  const p = await buildProblem(ctx.trx, round);
  const { rows, toPair } = await currentPairs(ctx.trx, p);
  const pinned = rows
    .filter((r) => r.state === 'assigned' && r.pinned === 1)
    .map(toPair)
    .filter((x) => x.expert >= 0);
  const excluded = rows
    .filter((r) => r.state === 'recused')
    .map(toPair)
    .filter((x) => x.expert >= 0);
  const result = assignExperts({ ...p.problem, pinned, excluded });
  if (!result.feasible)
    throw new AppError('REVIEW_INFEASIBLE', {
      k: round.k,
      items: result.shortfalls.map((s) => p.solutionIds[s.item]).join(', ') || '-',
    });
  await ctx.trx
    .deleteFrom('review_assignments')
    .where('round_id', '=', roundId)
    .where('state', '=', 'assigned')
    .where('pinned', '=', 0)
    .execute();
  const pinnedKeys = new Set(pinned.map((x) => `${x.item}:${x.expert}`));
  const fresh = result.pairs.filter((x) => !pinnedKeys.has(`${x.item}:${x.expert}`));
  await insertPairs(ctx.trx, p, fresh, false);
  await moveRound(ctx, round, 'assign');
  await writeAudit(ctx, {
    action: 'review_round.assigned',
    entityType: 'review_round',
    entityId: roundId,
    after: { pairs: pairsView(p, result.pairs), totalAffinity: result.totalAffinity },
  });
}

async function adjustable(ctx: CommandCtx, roundId: number) {
  const actor = needActor(ctx);
  const round = await loadRound(ctx.trx, actor, roundId);
  authorize(actor, 'review_round', 'adjust', { id: roundId, state: round.state });
  return round;
}

/** Pins a pair by hand: refused with the conflict reason, or when the expert's load is full. */
export async function pinPair(
  ctx: CommandCtx,
  roundId: number,
  solutionId: number,
  expertUserId: number,
): Promise<void> {
  const round = await adjustable(ctx, roundId);
  const p = await buildProblem(ctx.trx, round);
  const item = p.solutionIds.indexOf(solutionId);
  const expert = p.expertIds.indexOf(expertUserId);
  if (item < 0 || expert < 0) throw new AppError('NOT_FOUND');
  const reasons = conflictReasons(p.parties[item]!, p.profiles[expert]!);
  if (reasons.length > 0) throw new AppError('REVIEW_CONFLICT', { reason: reasons.join(', ') });
  const { rows } = await currentPairs(ctx.trx, p);
  const existing = rows.find((r) => r.item_id === p.itemIds[item] && r.expert_user_id === expertUserId);
  if (existing?.state === 'assigned' && existing.pinned === 1) throw new AppError('DUPLICATE');
  if (existing?.state === 'assigned') {
    await ctx.trx
      .updateTable('review_assignments')
      .set({ pinned: 1, updated_at: nowIso() })
      .where('id', '=', existing.id)
      .execute();
  } else {
    const load = rows.filter((r) => r.expert_user_id === expertUserId && r.state === 'assigned').length;
    if (load >= round.load_limit) throw new AppError('REVIEW_LOAD_EXCEEDED', { load: round.load_limit });
    if (existing) await ctx.trx.deleteFrom('review_assignments').where('id', '=', existing.id).execute();
    await insertPairs(ctx.trx, p, [{ item, expert }], true);
  }
  await writeAudit(ctx, {
    action: 'review_round.pinned',
    entityType: 'review_round',
    entityId: roundId,
    after: { solutionId, expertUserId },
  });
}

/** Removes a pair by hand (not one whose review was submitted). */
export async function removePair(
  ctx: CommandCtx,
  roundId: number,
  solutionId: number,
  expertUserId: number,
): Promise<void> {
  const round = await adjustable(ctx, roundId);
  const item = await ctx.trx
    .selectFrom('review_items')
    .select('id')
    .where('round_id', '=', round.id)
    .where('solution_id', '=', solutionId)
    .executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND');
  const res = await ctx.trx
    .deleteFrom('review_assignments')
    .where('item_id', '=', item.id)
    .where('expert_user_id', '=', expertUserId)
    .where('state', '=', 'assigned')
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw new AppError('NOT_FOUND');
  await writeAudit(ctx, {
    action: 'review_round.unassigned',
    entityType: 'review_round',
    entityId: roundId,
    before: { solutionId, expertUserId },
  });
}

/** An expert steps down from an item: its place is filled again, every other pair kept (reassign()). */
export async function recuse(ctx: CommandCtx, assignmentId: number): Promise<{ short: boolean }> {
  const actor = needActor(ctx);
  const a = await ctx.trx
    .selectFrom('review_assignments')
    .selectAll()
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND');
  const roundRow = await ctx.trx
    .selectFrom('review_rounds')
    .selectAll()
    .where('id', '=', a.round_id)
    .executeTakeFirstOrThrow();
  authorize(actor, 'review_assignment', 'recuse', {
    expertUserId: a.expert_user_id,
    state: a.state,
    roundState: roundRow.state,
  });
  if (a.submitted_at !== null) throw new AppError('STATE_CONFLICT', { state: 'submitted' });
  const round = { ...roundRow, criteria: [] };
  const res = await ctx.trx
    .updateTable('review_assignments')
    .set({ state: 'recused', pinned: 0, updated_at: nowIso() })
    .where('id', '=', assignmentId)
    .where('state', '=', 'assigned')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('STATE_CONFLICT', { state: a.state });
  const p = await buildProblem(ctx.trx, round, actor.id);
  const { rows, toPair } = await currentPairs(ctx.trx, p);
  const current = rows
    .filter((r) => r.state === 'assigned')
    .map(toPair)
    .filter((x) => x.expert >= 0);
  const excluded = rows
    .filter((r) => r.state === 'recused')
    .map(toPair)
    .filter((x) => x.expert >= 0);
  const result = reassign({ ...p.problem, excluded }, current, toPair(a));
  await insertPairs(ctx.trx, p, result.added, false);
  await writeAudit(ctx, {
    action: 'review_assignment.recused',
    entityType: 'review_round',
    entityId: a.round_id,
    before: { itemId: a.item_id, expertUserId: a.expert_user_id },
    after: { added: pairsView(p, result.added), short: !result.feasible },
  });
  return { short: !result.feasible };
}
