import { PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { publicApi } from '../api/endpoints';
import type { Region } from '../api/types';
import { useI18n } from '../i18n';
import { useDebounced } from '../lib/useDebounced';
import { useRequest } from '../lib/useRequest';
import { useDocumentTitle } from '../lib/useTitle';
import { RegionGuide } from '../registry/components/RegionGuide';

/** 区县博管办通讯录: the municipal office and the 41 district offices, searchable by name or phone. */
export default function DirectoryPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('dir.title'));
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const { data, error, loading } = useRequest(`regions:${query}`, () =>
    publicApi.regions(query ? { q: query } : undefined),
  );
  const rows = data ?? [];

  const columns: ColumnsType<Region> = [
    { title: t('dir.col.no'), key: 'no', width: 72, render: (_, __, i) => i + 1 },
    {
      title: t('dir.col.name'),
      dataIndex: 'name',
      render: (_, r) => (
        <span lang={lang === 'en' ? 'en' : 'zh-CN'}>
          {lang === 'en' ? r.nameEn : r.name}
          {r.kind === 'municipal' && (
            <Tag color="error" style={{ marginLeft: 8 }}>
              {t('regionKind.municipal')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('dir.col.kind'),
      dataIndex: 'kind',
      width: 120,
      responsive: ['sm'],
      render: (k: Region['kind']) => t(`regionKind.${k}`),
    },
    {
      title: t('dir.col.phone'),
      dataIndex: 'phone',
      width: 200,
      render: (p: string) => (
        <a href={`tel:023${p}`}>
          <PhoneOutlined aria-hidden="true" style={{ marginRight: 6 }} />
          023-{p}
        </a>
      ),
    },
  ];

  return (
    <div className="portal-page">
      <h1 className="page-title">{t('dir.title')}</h1>
      <p className="page-lead">{t('dir.lead')}</p>
      <Card>
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 16 }}>
          <label htmlFor="dir-search" style={{ fontWeight: 500 }}>
            {t('dir.searchLabel')}
          </label>
          <Input
            id="dir-search"
            type="search"
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('dir.search')}
            prefix={<SearchOutlined aria-hidden="true" />}
            style={{ maxWidth: 320 }}
          />
          <span role="status" aria-live="polite" style={{ color: 'var(--text-2)' }}>
            {loading ? t('common.loading') : t('dir.count', { n: rows.length })}
            {' · '}
            {t('dir.areaCode')}
          </span>
        </div>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<Region>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading && !data}
          pagination={false}
          locale={{ emptyText: t('dir.empty') }}
          expandable={{ expandedRowRender: (r) => <RegionGuide regionId={r.id} /> }}
          data-testid="directory-table"
        />
      </Card>
    </div>
  );
}
