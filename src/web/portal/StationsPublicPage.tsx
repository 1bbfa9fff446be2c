import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { publicApi } from '../api/endpoints';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';
import { useRequest } from '../lib/useRequest';
import { useDocumentTitle } from '../lib/useTitle';
import { stationsApi } from '../stations/api';
import type { PublicStation, StationStatus } from '../stations/types';

const PAGE_SIZE = 20;
const STATUS_COLOR: Record<StationStatus, string> = {
  active: 'green',
  rectification: 'orange',
  deregistered: 'default',
};

/** 工作站名录: the certified municipal postdoctoral workstations, searchable by unit and district. */
export default function StationsPublicPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('st.pub.title'));
  const [q, setQ] = useState('');
  const [regionId, setRegionId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const query = useDebounced(q.trim(), 300);
  const districts = useRequest('districts', () => publicApi.regions({ kind: 'district' })).data ?? [];
  const list = useRequest(`stations:${query}:${regionId ?? ''}:${page}`, () =>
    stationsApi.publicList({ q: query || undefined, regionId, page, pageSize: PAGE_SIZE }),
  );

  const columns: ColumnsType<PublicStation> = [
    {
      title: t('st.pub.col.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string) => (
        <span className="mono" style={{ fontSize: 13 }}>
          {n}
        </span>
      ),
    },
    { title: t('st.pub.col.unit'), dataIndex: 'unitName' },
    { title: t('st.pub.col.region'), dataIndex: 'regionName', width: 130 },
    {
      title: t('st.pub.col.level'),
      dataIndex: 'level',
      width: 150,
      responsive: ['md'],
      render: (level: string, s) => (
        <>
          {level === 'national' || level === 'municipal' ? t(`st.level.${level}`) : level}
          {s.nationalCultivation && (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              {t('st.pub.national')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('st.pub.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: StationStatus) => <Tag color={STATUS_COLOR[s]}>{t(`st.pub.status.${s}`)}</Tag>,
    },
    { title: t('st.pub.col.certifiedAt'), dataIndex: 'certifiedAt', width: 130, render: formatDate },
  ];

  return (
    <div className="portal-page">
      <h1 className="page-title">{t('st.pub.title')}</h1>
      <p className="page-lead">{t('st.pub.lead')}</p>
      <Card>
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 16 }}>
          <label htmlFor="stations-search" className="visually-hidden">
            {t('st.pub.qLabel')}
          </label>
          <Input
            id="stations-search"
            type="search"
            allowClear
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            placeholder={t('st.pub.q')}
            prefix={<SearchOutlined aria-hidden="true" />}
            style={{ maxWidth: 320 }}
          />
          <Select
            aria-label={t('st.pub.region')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('st.pub.region')}
            style={{ width: 200 }}
            value={regionId}
            onChange={(v?: number) => {
              setRegionId(v);
              setPage(1);
            }}
            options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
          />
          <span role="status" aria-live="polite" style={{ color: 'var(--text-2)' }}>
            {list.loading ? t('common.loading') : t('st.pub.count', { n: list.data?.total ?? 0 })}
          </span>
        </div>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<PublicStation>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading && !list.data}
          locale={{ emptyText: t('st.pub.empty') }}
          data-testid="stations-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
        />
      </Card>
    </div>
  );
}
