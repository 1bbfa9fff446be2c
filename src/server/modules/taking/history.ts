import type { DbOrTrx } from '../../db/index.js';
import type { Actor } from '../../policy/index.js';
import { loadSolution } from './load.js';
import { ENGAGEMENT_SIDE, type EngagementAction } from './workflow.js';

/** What the history of a solution lists (drafts' saves and the thread's messages are left out). */
const LISTED = [
  'solution.created',
  'solution.submit',
  'solution.replaced',
  'solution.withdraw',
  'solution.shortlist',
  'solution.reject',
  'solution.propose_match',
  'solution.confirm_match',
  'solution.decline_match',
] as const;

export interface HistoryEntry {
  action: string;
  at: string;
  actorName: string;
  side: 'poster' | 'taker' | 'office';
  reason: string;
}

function sideOf(action: string): HistoryEntry['side'] {
  const step = action.slice('solution.'.length);
  if (step in ENGAGEMENT_SIDE)
    return ENGAGEMENT_SIDE[step as EngagementAction] === 'decide' ? 'poster' : 'taker';
  return 'taker';
}

function reasonOf(afterJson: string | null): string {
  if (!afterJson) return '';
  const after = JSON.parse(afterJson) as { reason?: unknown };
  return typeof after.reason === 'string' ? after.reason : '';
}

/**
 * The history of a solution (提交、替换、撤回 and every decision with its reason), oldest first, read from the
 * audit trail the commands write; for whoever may see the solution (404 otherwise). Only the step, time,
 * name and reason are shown — never the audit's IP or hashes.
 */
export async function solutionHistory(db: DbOrTrx, actor: Actor, id: number): Promise<HistoryEntry[]> {
  await loadSolution(db, actor, id);
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'at', 'actor_name', 'after_json'])
    .where('entity_type', '=', 'solution')
    .where('entity_id', '=', String(id))
    .where('action', 'in', [...LISTED])
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    action: r.action,
    at: r.at,
    actorName: r.actor_name,
    side: sideOf(r.action),
    reason: reasonOf(r.after_json),
  }));
}
