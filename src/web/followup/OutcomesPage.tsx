import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n, type MessageKey } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { useSession } from '../session/SessionContext';
import {
  followupApi,
  OUTCOME_STATES,
  OUTCOME_STATUSES,
  type Outcome,
  type OutcomeQuery,
  type OutcomeState,
  type OutcomeStatus,
} from './api';
import { OutcomeStateTag, useOutcomeStatus } from './labels';
import { OutcomeActions } from './Outcomes';

/** 成果报告: the district's own reports, or the city's queue (acknowledge / return), with filters and export. */
export default function OutcomesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const city = user?.role === 'municipal_officer';
  const statusLabel = useOutcomeStatus();
  const [query, setQuery] = useState<OutcomeQuery>({ page: 1, ...(city ? { state: 'submitted' } : {}) });
  const req = useRequest(`followup:outcomes:${JSON.stringify(query)}`, () => followupApi.outcomes(query));
  const states = city ? OUTCOME_STATES.filter((s) => s !== 'draft') : OUTCOME_STATES;
  return (
    <>
      <PageHead
        title={t('fu.out.title')}
        lead={t(city ? 'fu.out.lead.city' : 'fu.out.lead.district')}
        extra={
          city && (
            <Button href={followupApi.exportUrl(query)} icon={<DownloadOutlined aria-hidden="true" />}>
              {t('fu.out.export')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<OutcomeState | ''>
          aria-label={t('fu.out.state')}
          style={{ width: 160 }}
          value={query.state ?? ''}
          options={[
            { value: '', label: `${t('fu.out.state')}：${t('fu.all')}` },
            ...states.map((s) => ({ value: s, label: t(`fu.out.state.${s}` as MessageKey) })),
          ]}
          onChange={(v) => setQuery((q) => ({ ...q, state: v || undefined, page: 1 }))}
        />
        <Select<OutcomeStatus | ''>
          aria-label={t('fu.out.status')}
          style={{ width: 180 }}
          value={query.status ?? ''}
          options={[
            { value: '', label: `${t('fu.out.status')}：${t('fu.all')}` },
            ...OUTCOME_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
          ]}
          onChange={(v) => setQuery((q) => ({ ...q, status: v || undefined, page: 1 }))}
        />
        <Input.Search
          allowClear
          aria-label={t('fu.q')}
          placeholder={t('fu.q')}
          style={{ width: 260 }}
          onSearch={(v) => setQuery((q) => ({ ...q, q: v.trim() || undefined, page: 1 }))}
        />
      </Space>
      <Table<Outcome>
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('fu.out.none') }}
        pagination={{
          current: query.page ?? 1,
          total: req.data?.total ?? 0,
          pageSize: 20,
          onChange: (page) => setQuery((q) => ({ ...q, page })),
        }}
        expandable={{
          expandedRowRender: (o) => (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              {o.outcome}
              {o.lastComment && (
                <p>
                  {t('fu.out.comment')}：{o.lastComment}
                </p>
              )}
            </div>
          ),
        }}
        columns={[
          {
            title: t('fu.out.project'),
            dataIndex: 'projectTitle',
            render: (title: string, o) => <Link to={`/console/followup/${o.projectId}`}>{title}</Link>,
          },
          { title: t('fu.out.region'), dataIndex: 'regionName', width: 120 },
          { title: t('fu.out.period'), dataIndex: 'period', width: 120 },
          { title: t('fu.out.status'), dataIndex: 'status', width: 120, render: statusLabel },
          { title: t('fu.out.funding'), dataIndex: 'fundingWan', width: 110 },
          {
            title: t('fu.out.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: OutcomeState) => <OutcomeStateTag state={s} />,
          },
          { title: t('fu.out.submittedAt'), dataIndex: 'submittedAt', width: 160, render: formatDateTime },
          { title: '', key: 'act', render: (_, o) => <OutcomeActions o={o} onChanged={req.reload} /> },
        ]}
      />
    </>
  );
}
