import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDistricts } from '../../console/admin/useDistricts';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { applicationsApi } from '../api';
import type { ApplicationListItem, ApplicationQuery, ApplicationState } from '../types';
import { stateLabel, StateTag } from './StateTag';
import { filterSetter } from '../../lib/searchParams';

const PAGE_SIZE = 20;
const STATES: ApplicationState[] = [
  'submitted',
  'returned',
  'recommended',
  'certified',
  'rejected',
  'withdrawn',
];

export type QueueMode = 'review' | 'certify';

const CONFIG = {
  review: {
    title: 'st.queue.reviewTitle',
    lead: 'st.queue.reviewLead',
    defaultState: 'submitted',
    base: '/console/station-review',
  },
  certify: {
    title: 'st.queue.certifyTitle',
    lead: 'st.queue.certifyLead',
    defaultState: 'recommended',
    base: '/console/station-certify',
  },
} as const;

/**
 * The offices' queue of applications (设站审核 for a district, 认定审核 for the city): filters kept in
 * the address, so Back returns to the same list, and the Excel export of exactly those filters.
 */
export function ApplicationQueue({ mode }: { mode: QueueMode }) {
  const { t, lang } = useI18n();
  const cfg = CONFIG[mode];
  const [params, setParams] = useSearchParams();
  const districts = useDistricts();
  const stateParam = params.get('state');
  const state = stateParam === 'all' ? undefined : ((stateParam ?? cfg.defaultState) as ApplicationState);
  const q = params.get('q') ?? '';
  const regionId = Number(params.get('regionId')) || undefined;
  const unbatched = params.get('unbatched') === '1';
  const page = Number(params.get('page')) || 1;
  const [draftQ, setDraftQ] = useState(q);
  const filters: ApplicationQuery = {
    state,
    q: q || undefined,
    regionId,
    unbatched,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useRequest(`queue:${JSON.stringify(filters)}`, () => applicationsApi.list(filters));

  const set = filterSetter(setParams);

  const columns: ColumnsType<ApplicationListItem> = [
    { title: t('st.col.id'), dataIndex: 'id', width: 90, render: (id: number) => `#${id}` },
    {
      title: t('st.col.unit'),
      dataIndex: 'unitName',
      render: (name: string, r) => <Link to={`${cfg.base}/${r.id}`}>{name}</Link>,
    },
    {
      title: t('st.col.creditCode'),
      dataIndex: 'creditCode',
      responsive: ['lg'],
      render: (c: string) => <span className="mono">{c}</span>,
    },
    { title: t('st.col.region'), dataIndex: 'regionName', width: 110 },
    {
      title: t('st.col.state'),
      dataIndex: 'state',
      width: 130,
      render: (s: ApplicationState) => <StateTag state={s} />,
    },
    ...(mode === 'certify'
      ? [
          {
            title: t('st.col.batch'),
            dataIndex: 'batchId',
            width: 120,
            render: (b: number | null) =>
              b ? <Link to={`/console/cert-batches/${b}`}>#{b}</Link> : <Tag>{t('st.unbatched')}</Tag>,
          },
        ]
      : []),
    { title: t('st.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: formatDateTime },
    { title: t('st.col.opinion'), dataIndex: 'lastOpinion', ellipsis: true, responsive: ['xl'] },
    {
      title: t('common.operations'),
      key: 'op',
      width: 90,
      render: (_, r) => (
        <Link to={`${cfg.base}/${r.id}`} aria-label={`${t('st.queue.open')} ${r.unitName}`}>
          {t('st.queue.open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHead
        title={t(cfg.title)}
        lead={t(cfg.lead)}
        extra={
          <Button
            href={applicationsApi.exportUrl(filters)}
            icon={<DownloadOutlined aria-hidden="true" />}
            download
          >
            {t('st.queue.export')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('st.queue.state')}
            style={{ width: 170 }}
            value={state ?? 'all'}
            onChange={(v: string) => set({ state: v === cfg.defaultState ? undefined : v })}
            options={[
              { value: 'all', label: t('st.queue.allStates') },
              ...STATES.map((s) => ({ value: s, label: stateLabel(s, lang) })),
            ]}
          />
          {mode === 'certify' && (
            <Select
              aria-label={t('st.queue.region')}
              style={{ width: 170 }}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('st.queue.allRegions')}
              value={regionId}
              onChange={(v?: number) => set({ regionId: v ? String(v) : undefined })}
              options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
            />
          )}
          <Input.Search
            aria-label={t('st.queue.q')}
            placeholder={t('st.queue.q')}
            allowClear
            enterButton={t('action.search')}
            value={draftQ}
            onChange={(e) => setDraftQ(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 360 }}
          />
          {mode === 'certify' && (
            <Checkbox
              checked={unbatched}
              onChange={(e) => set({ unbatched: e.target.checked ? '1' : undefined })}
            >
              {t('st.unbatched')}
            </Checkbox>
          )}
        </Space>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<ApplicationListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          data-testid="application-queue"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => set({ page: p === 1 ? undefined : String(p) }),
          }}
        />
      </Card>
    </>
  );
}
