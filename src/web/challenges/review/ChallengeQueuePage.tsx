import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CHALLENGE_KINDS, type ChallengeKind } from '../../../shared/challenges/form';
import { useDistricts } from '../../console/admin/useDistricts';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { challengesApi } from '../api';
import {
  CHALLENGE_STATE_COLORS,
  challengeKindLabel,
  challengeStateLabel,
  domainLabel,
  domainOptions,
} from '../labels';
import type { ChallengeListItem, ChallengeQuery, ChallengeState } from '../types';
import { filterSetter } from '../../lib/searchParams';

const PAGE_SIZE = 20;
const STATES: ChallengeState[] = [
  'submitted',
  'national_review',
  'returned',
  'published',
  'closed',
  'rejected',
  'withdrawn',
];

/**
 * 张榜审核: the municipal office's queue (defaults to 待市级审核) or the national reviewer's (defaults to
 * 待部级审核), with filters kept in the address and the Excel export of exactly those filters.
 */
export default function ChallengeQueuePage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const national = user?.role === 'national_reviewer';
  const defaultState: ChallengeState = national ? 'national_review' : 'submitted';
  const [params, setParams] = useSearchParams();
  const districts = useDistricts();
  const stateParam = params.get('state');
  const state = stateParam === 'all' ? undefined : ((stateParam ?? defaultState) as ChallengeState);
  const kind = (params.get('kind') ?? undefined) as ChallengeKind | undefined;
  const domain = params.get('domain') ?? undefined;
  const regionId = Number(params.get('regionId')) || undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page')) || 1;
  const [draftQ, setDraftQ] = useState(q);
  const filters: ChallengeQuery = {
    state,
    kind,
    domain,
    regionId,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useRequest(`cq:${JSON.stringify(filters)}`, () => challengesApi.review(filters));

  const set = filterSetter(setParams);

  const columns: ColumnsType<ChallengeListItem> = [
    { title: t('cr.col.id'), dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
    {
      title: t('cr.col.title'),
      dataIndex: 'title',
      render: (title: string, r) => <Link to={`/console/challenge-review/${r.id}`}>{title}</Link>,
    },
    {
      title: t('cr.col.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: string) => challengeKindLabel(k, lang),
    },
    {
      title: t('cr.col.domain'),
      dataIndex: 'domain',
      width: 150,
      responsive: ['lg'],
      render: (d: string) => domainLabel(d, lang),
    },
    { title: t('cr.col.region'), dataIndex: 'regionName', width: 110 },
    { title: t('cr.col.poster'), dataIndex: 'posterName', ellipsis: true, responsive: ['xl'] },
    {
      title: t('cr.col.state'),
      dataIndex: 'state',
      width: 120,
      render: (s: ChallengeState) => (
        <Tag color={CHALLENGE_STATE_COLORS[s]}>{challengeStateLabel(s, lang)}</Tag>
      ),
    },
    { title: t('cr.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: formatDateTime },
    {
      title: t('common.operations'),
      key: 'op',
      width: 80,
      render: (_, r) => (
        <Link to={`/console/challenge-review/${r.id}`} aria-label={`${t('cr.open')} ${r.title}`}>
          {t('cr.open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHead
        title={t(national ? 'cr.titleNational' : 'cr.titleMunicipal')}
        lead={t(national ? 'cr.leadNational' : 'cr.leadMunicipal')}
        extra={
          <Button
            href={challengesApi.reviewExportUrl(filters)}
            icon={<DownloadOutlined aria-hidden="true" />}
            download
          >
            {t('cr.export')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('cr.col.state')}
            style={{ width: 160 }}
            value={state ?? 'all'}
            onChange={(v: string) => set({ state: v === defaultState ? undefined : v })}
            options={[
              { value: 'all', label: t('cr.allStates') },
              ...STATES.map((s) => ({ value: s, label: challengeStateLabel(s, lang) })),
            ]}
          />
          <Select
            aria-label={t('cr.col.kind')}
            style={{ width: 150 }}
            allowClear
            placeholder={t('cr.allKinds')}
            value={kind}
            onChange={(v?: string) => set({ kind: v })}
            options={CHALLENGE_KINDS.map((k) => ({ value: k, label: challengeKindLabel(k, lang) }))}
          />
          <Select
            aria-label={t('cr.col.domain')}
            style={{ width: 190 }}
            allowClear
            placeholder={t('cr.allDomains')}
            value={domain}
            onChange={(v?: string) => set({ domain: v })}
            options={domainOptions(lang)}
          />
          <Select
            aria-label={t('cr.col.region')}
            style={{ width: 160 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('cr.allRegions')}
            value={regionId}
            onChange={(v?: number) => set({ regionId: v ? String(v) : undefined })}
            options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
          />
          <Input.Search
            aria-label={t('cr.q')}
            placeholder={t('cr.q')}
            allowClear
            enterButton={t('action.search')}
            value={draftQ}
            onChange={(e) => setDraftQ(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 300 }}
          />
        </Space>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<ChallengeListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          data-testid="challenge-queue"
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
