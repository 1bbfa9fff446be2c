import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/index.js';
import type { OutcomeReportTable } from '../../db/schema-followup.js';
import { can, type MaybeActor } from '../../policy/index.js';
import type { OutcomeState } from '../../../shared/followup/rules.js';
import type { ProjectRow } from './projects.js';
import { OUTCOME_WORKFLOW } from './workflow.js';

export type OutcomeRow = Selectable<OutcomeReportTable>;

export const outcomeRes = (o: OutcomeRow) => ({ id: o.id, regionId: o.region_id, state: o.state });

/** Edit and the workflow steps this caller may take now (the policy says who, the table says from where). */
export function outcomeActions(actor: MaybeActor, o: OutcomeRow): string[] {
  const res = outcomeRes(o);
  const out: string[] = [];
  if (can(actor, 'outcome_report', 'edit', res)) out.push('edit');
  for (const t of OUTCOME_WORKFLOW)
    if (t.from.includes(o.state as OutcomeState) && can(actor, 'outcome_report', t.action, res))
      out.push(t.action);
  return out;
}

export async function presentOutcome(db: DbOrTrx, actor: MaybeActor, o: OutcomeRow, p?: ProjectRow) {
  const project =
    p ??
    (await db
      .selectFrom('followup_projects')
      .selectAll()
      .where('id', '=', o.project_id)
      .executeTakeFirstOrThrow());
  const region = await db
    .selectFrom('regions')
    .select('name')
    .where('id', '=', o.region_id)
    .executeTakeFirst();
  return {
    id: o.id,
    projectId: o.project_id,
    projectTitle: project.title,
    challengeId: project.challenge_id,
    regionId: o.region_id,
    regionName: region?.name ?? '',
    state: o.state,
    period: o.period,
    status: o.status,
    outcome: o.outcome,
    fundingWan: Number(o.funding_wan),
    products: o.products,
    patents: o.patents,
    note: o.note,
    revision: o.revision,
    lastComment: o.last_comment,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
    submittedAt: o.submitted_at,
    decidedAt: o.decided_at,
    actions: outcomeActions(actor, o),
  };
}
