import { toXlsx, type XlsxColumn } from '../../core/excel.js';
import type { Lang } from '../../core/messages.js';
import type { DbOrTrx } from '../../db/index.js';
import { authorizeType, type Actor } from '../../policy/index.js';
import {
  OUTCOME_STATE_LABELS,
  OUTCOME_STATUS_LABELS,
  type OutcomeState,
  type OutcomeStatus,
} from '../../../shared/followup/rules.js';
import { presentOutcome } from './outcome-presenter.js';
import { queryOutcomes, type ListOutcomesFilter } from './outcomes.js';

type Row = Awaited<ReturnType<typeof presentOutcome>>;

const H: Record<string, [string, string]> = {
  id: ['编号', 'No.'],
  project: ['项目（需求）', 'Project (need)'],
  region: ['报送区县', 'District'],
  period: ['报告期', 'Period'],
  status: ['项目状态', 'Project status'],
  state: ['报告状态', 'Report state'],
  funding: ['投入经费（万元）', 'Funding invested (10k CNY)'],
  products: ['新产品/新工艺', 'Products'],
  patents: ['专利', 'Patents'],
  outcome: ['成果情况', 'Outcome'],
  submitted: ['报送时间', 'Submitted at'],
  comment: ['市博管办意见', 'Municipal comment'],
};

/** The municipal office's Excel export of the outcome reports matching the filters (zh-CN or en headers). */
export async function exportOutcomes(db: DbOrTrx, actor: Actor, f: ListOutcomesFilter, lang: Lang) {
  authorizeType(actor, 'outcome_report', 'export');
  const { rows } = await queryOutcomes(db, actor, { ...f, page: 1, pageSize: 500 });
  const items = await Promise.all(rows.map((o) => presentOutcome(db, actor, o)));
  const i = lang === 'en' ? 1 : 0;
  const h = (k: string) => H[k]![i]!;
  const cols: XlsxColumn<Row>[] = [
    { header: h('id'), width: 8, value: (r) => r.id },
    { header: h('project'), width: 36, value: (r) => r.projectTitle },
    { header: h('region'), value: (r) => r.regionName },
    { header: h('period'), value: (r) => r.period },
    {
      header: h('status'),
      value: (r) => OUTCOME_STATUS_LABELS[r.status as OutcomeStatus]?.[lang] ?? r.status,
    },
    { header: h('state'), value: (r) => OUTCOME_STATE_LABELS[r.state as OutcomeState]?.[lang] ?? r.state },
    { header: h('funding'), value: (r) => r.fundingWan },
    { header: h('products'), width: 12, value: (r) => r.products },
    { header: h('patents'), width: 10, value: (r) => r.patents },
    { header: h('outcome'), width: 50, value: (r) => r.outcome },
    { header: h('submitted'), width: 22, value: (r) => r.submittedAt },
    { header: h('comment'), width: 30, value: (r) => r.lastComment },
  ];
  return toXlsx(lang === 'en' ? 'Outcome reports' : '成果报告', cols, items);
}
