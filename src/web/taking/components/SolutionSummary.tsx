import { Alert, Card, Descriptions, Result, Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { SolutionView } from '../types';
import { DecisionTag, TakingStateTag } from './labels';

/**
 * Where a solution stands for the taker and the poster: its state and decision, the poster's rejection
 * reason (or the taker's reason for declining the match), and 对接成功 once both sides confirmed.
 */
export function DecisionBanner({ solution: s }: { solution: SolutionView }) {
  const { t } = useI18n();
  if (s.decision === 'matched')
    return (
      <Result
        status="success"
        title={t('tk.page.matched')}
        subTitle={t('tk.page.matchedText')}
        style={{ padding: '16px 0' }}
        data-testid="matched"
      />
    );
  if (s.decision === 'rejected')
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('tk.page.rejected')}
        description={
          <div style={{ whiteSpace: 'pre-wrap' }}>{t('tk.page.reason', { reason: s.decisionReason })}</div>
        }
        style={{ marginBottom: 16 }}
        data-testid="decision-reason"
      />
    );
  if (s.decision === 'proposed')
    return <Alert type="warning" showIcon title={t('tk.page.proposed')} style={{ marginBottom: 16 }} />;
  if (s.decision === 'shortlisted' && s.decisionReason)
    return (
      <Alert
        type="info"
        showIcon
        title={t('tk.page.declined')}
        description={t('tk.page.reason', { reason: s.decisionReason })}
        style={{ marginBottom: 16 }}
      />
    );
  return null;
}

/** The short card of a solution on the sign-up page, linking to the solution page. */
export function SolutionSummary({ solution: s }: { solution: SolutionView }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('tk.detail.solution')}
      style={{ marginBottom: 16 }}
      extra={
        s.state !== 'draft' && <Link to={`/console/solutions/${s.id}`}>{t('tk.detail.solutionPage')}</Link>
      }
      data-testid="solution-summary"
    >
      <DecisionBanner solution={s} />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'state', label: t('tk.page.state'), children: <TakingStateTag state={s.state} /> },
          { key: 'decision', label: t('tk.page.decision'), children: <DecisionTag decision={s.decision} /> },
          { key: 'sub', label: t('tk.col.submittedAt'), children: formatDateTime(s.submittedAt) },
        ]}
      />
    </Card>
  );
}

/** The content of a solution, read-only. */
export function SolutionContentView({ solution: s }: { solution: SolutionView }) {
  const { t } = useI18n();
  const c = s.content;
  const text = (v: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{v || '—'}</div>;
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      styles={{ label: { width: 180 } }}
      items={[
        { key: 'approach', label: t('tk.sol.approach'), children: text(c.approach) },
        {
          key: 'milestones',
          label: t('tk.sol.milestones'),
          children: (
            <Table
              size="small"
              pagination={false}
              rowKey={(_r, i) => String(i)}
              dataSource={c.milestones}
              columns={[
                { title: t('tk.sol.msTitle'), dataIndex: 'title' },
                { title: t('tk.sol.msDue'), dataIndex: 'due', width: 160 },
                { title: t('tk.sol.msDeliverable'), dataIndex: 'deliverable' },
              ]}
            />
          ),
        },
        { key: 'budget', label: t('tk.sol.budgetWan'), children: t('tk.detail.wan', { n: c.budgetWan }) },
        { key: 'budgetNote', label: t('tk.sol.budgetNote'), children: text(c.budgetNote) },
        { key: 'team', label: t('tk.sol.team'), children: text(c.team) },
        { key: 'indicators', label: t('tk.sol.indicators'), children: text(c.indicators) },
      ]}
    />
  );
}
