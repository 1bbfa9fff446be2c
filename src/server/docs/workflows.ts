import type { Transition } from '../core/workflow.js';
import { APPLICATION_WORKFLOW } from '../modules/stations/workflow.js';
import { APPLICATION_STATE_LABELS } from '../../shared/labels.js';
import { CHALLENGE_WORKFLOW } from '../modules/challenges/workflow.js';
import { CHALLENGE_STATE_LABELS } from '../../shared/challenges/labels.js';
import { AGREEMENT_STATE_LABELS, AGREEMENT_WORKFLOW } from '../modules/agreements/workflow.js';
import {
  ENGAGEMENT_WORKFLOW,
  MEMBER_WORKFLOW,
  SIGNUP_WORKFLOW,
  SOLUTION_WORKFLOW,
} from '../modules/taking/workflow.js';
import { DECISION_LABELS, TAKING_STATE_LABELS } from '../../shared/taking/solution.js';
import { OUTCOME_WORKFLOW } from '../modules/followup/workflow.js';
import { OUTCOME_STATE_LABELS, type OutcomeState } from '../../shared/followup/rules.js';
import { ANNOUNCEMENT_WORKFLOW } from '../modules/results/workflow.js';
import { ROUND_WORKFLOW, type RoundState } from '../modules/reviews/workflow.js';
import {
  SUGGESTION_STATE_LABELS,
  SUGGESTION_WORKFLOW,
  VERIFICATION_STATE_LABELS,
  VERIFICATION_WORKFLOW,
  type SuggestionState,
  type VerificationState,
} from '../modules/organiser/workflow.js';
import { ANNOUNCEMENT_STATE_LABELS, type AnnouncementState } from '../../shared/results/rules.js';

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

const ROUND_STATE_ZH: Record<RoundState, string> = {
  draft: '草稿',
  assigning: '分配专家',
  scoring: '评分中',
  closed: '已结束',
};

const takingState = (s: string): string => `${TAKING_STATE_LABELS[s]?.['zh-CN'] ?? s} (\`${s}\`)`;

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
    '## Agreements (签署及备案) — `src/server/modules/agreements/workflow.ts`',
    '',
    table(AGREEMENT_WORKFLOW, (s) => `${AGREEMENT_STATE_LABELS[s]?.['zh-CN'] ?? s} (\`${s}\`)`),
    '',
    '`sign` needs the password again and the party next in signing order; `complete` has no role: the platform',
    'takes it with the last signature (and files the commitment letters at once). Filing seals the PDF.',
    '',
    '## Taking (揭榜) — `src/server/modules/taking/workflow.ts`',
    '',
    'Sign-up:',
    '',
    table(SIGNUP_WORKFLOW, takingState),
    '',
    'Team member (the invited account answers):',
    '',
    table(MEMBER_WORKFLOW, takingState),
    '',
    'Solution (揭榜方案): saved again while `submitted` to replace it, until the deadline:',
    '',
    table(SOLUTION_WORKFLOW, takingState),
    '',
    "Engagement (对接) on a submitted solution: the poster's side shortlists, rejects (the taker sees the reason)",
    "or proposes the match; the taker's side confirms (对接成功, the need is marked matched) or declines:",
    '',
    table(ENGAGEMENT_WORKFLOW, (s) => `${DECISION_LABELS[s]?.['zh-CN'] ?? s} (\`${s}\`)`),
    '',
    '## Outcome report (成果报告) — `src/server/modules/followup/workflow.ts`',
    '',
    table(OUTCOME_WORKFLOW, (s: OutcomeState) => `${OUTCOME_STATE_LABELS[s]['zh-CN']} (\`${s}\`)`),
    '',
    'The district office writes the report on a project whose poster or taker unit is in its district and may',
    'edit it while `draft` or `returned`; the city sees reports once submitted. Compare-and-set on the state.',
    '',
    '## Results announcement (揭榜成果公告) — `src/server/modules/results/workflow.ts`',
    '',
    table(
      ANNOUNCEMENT_WORKFLOW,
      (s: AnnouncementState) => `${ANNOUNCEMENT_STATE_LABELS[s]['zh-CN']} (\`${s}\`)`,
    ),
    '',
    'Edited only while `draft` (compare-and-set on the revision); `publish` needs an item and refuses a match',
    'already in another published announcement; the parties named are told. Published ones are public.',
    '',
    '## Expert review round (专家评审) — `src/server/modules/reviews/workflow.ts`',
    '',
    table(ROUND_WORKFLOW, (s) => `${ROUND_STATE_ZH[s]} (\`${s}\`)`),
    '',
    '`assign` runs the min-cost-flow assignment (src/shared/reviews) and may be repeated while assigning;',
    '`open_scoring` needs every item to have its k experts; `close` needs every assigned review in, or a reason.',
    'Experts see nothing before accepting the year’s confidentiality and conflict-of-interest declaration.',
    '',
    '## Verification (核实) of postings and sign-ups — `src/server/modules/organiser/workflow.ts`',
    '',
    table(
      VERIFICATION_WORKFLOW,
      (s: VerificationState) => `${VERIFICATION_STATE_LABELS[s]['zh-CN']} (\`${s}\`)`,
    ),
    '',
    'An entity without a decision is `unverified`; the owners read the state and the note and are told of each',
    'decision. Compare-and-set on the state (the first decision creates the row).',
    '',
    '## Suggested taker (推荐揭榜方) — `src/server/modules/organiser/workflow.ts`',
    '',
    table(SUGGESTION_WORKFLOW, (s: SuggestionState) => `${SUGGESTION_STATE_LABELS[s]['zh-CN']} (\`${s}\`)`),
    '',
    '`sign_up` happens by itself when the suggested person or unit signs up for the need. A suggestion needs an',
    'open need of the office’s scope and a candidate the rules of seed 002 §三(三) let take it.',
    '',
  ].join('\n');
}
