import type { Transition } from '../core/workflow.js';
import { APPLICATION_WORKFLOW } from '../modules/stations/workflow.js';
import { APPLICATION_STATE_LABELS } from '../../shared/labels.js';
import { CHALLENGE_WORKFLOW } from '../modules/challenges/workflow.js';
import { CHALLENGE_STATE_LABELS } from '../../shared/challenges/labels.js';

/** Markdown for docs/workflows.md, generated from the transition tables themselves. */
const ROLE_LABELS: Record<string, string> = {
  unit: '单位用户',
  individual: '个人用户',
  district_officer: '区县博管办',
  municipal_officer: '市博管办',
  national_reviewer: '部级审核',
  expert: '评审专家',
};
const SCOPE_LABELS = { owner: 'own unit', own_region: 'own district', any: 'any' } as const;

function table<S extends string, A extends string>(
  rows: readonly Transition<S, A>[],
  state: (s: S) => string,
): string {
  const lines = ['| action | from | to | who | scope | opinion |', '|---|---|---|---|---|---|'];
  for (const t of rows) {
    lines.push(
      `| \`${t.action}\` | ${t.from.map(state).join(', ')} | ${state(t.to)} | ${t.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')} | ${SCOPE_LABELS[t.scope]} | ${t.opinion} |`,
    );
  }
  return lines.join('\n');
}

export function workflowsMarkdown(): string {
  const appState = (s: string): string => `${APPLICATION_STATE_LABELS[s]?.['zh-CN'] ?? s} (\`${s}\`)`;
  return [
    '# Workflows',
    '',
    'Generated from the transition tables in the code (`npm run docs`); a test fails when this file is stale.',
    '',
    '## Station application (设站申报) — `src/server/modules/stations/workflow.ts`',
    '',
    table(APPLICATION_WORKFLOW, appState),
    '',
    'Guards beyond the table: `submit` needs the eligibility rule met (six basic conditions and one recommended',
    'condition, each with evidence), the sealed scan of the printed form, and no other open application or live',
    'station of the unit; `withdraw` is refused once the application is in a certification batch; `certify` and',
    '`municipal_reject` need the application in an open batch. Every transition is compare-and-set on the state.',
    '',
    '## Posting review (揭榜领题张榜审核) — `src/server/modules/challenges/workflow.ts`',
    '',
    table(CHALLENGE_WORKFLOW, (s) => `${CHALLENGE_STATE_LABELS[s]?.['zh-CN'] ?? s} (\`${s}\`)`),
    '',
    'The national level is a setting (`PUT /api/challenges/settings`, system admin): while it is on, the table',
    'in force has `municipal_approve` and not `municipal_publish`; while it is off, the reverse. Guards beyond the',
    'table: `submit` needs the current commitment letter (承诺书) accepted by the poster, a deadline not in the',
    'past, and the poster still eligible (a unit for `tech`; a postdoc in or out of station for `transfer`).',
    '"own unit" here means the posting account or its unit. A role outside the action is 403; an action not possible from the state, or at the other level, is 409',
    '`STATE_CONFLICT`. Every transition is compare-and-set on the state. Publishing writes the search index.',
    '',
  ].join('\n');
}
