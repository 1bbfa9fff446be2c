import { Alert, Button, Card, Descriptions, Drawer, Input, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { unitsApi } from '../../api/endpoints';
import type { Unit } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { PageHead } from '../PageHead';

const PAGE_SIZE = 20;

/** 单位名录: registered units in the officer's scope (own district, or the whole city). */
export default function UnitsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [draftQ, setDraftQ] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useRequest(`units:${q}:${page}`, () => unitsApi.list({ q, page, pageSize: PAGE_SIZE }));
  const detail = useRequest(openId === null ? null : `unit:${openId}`, () => unitsApi.get(openId ?? 0));

  const columns: ColumnsType<Unit> = [
    {
      title: t('units.col.name'),
      dataIndex: 'name',
      render: (name: string, u) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(u.id)}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('units.col.creditCode'),
      dataIndex: 'creditCode',
      render: (c: string) => <span className="mono">{c}</span>,
    },
    {
      title: t('units.col.type'),
      dataIndex: 'unitType',
      render: (v: Unit['unitType']) => t(`unitType.${v}`),
    },
    { title: t('units.col.region'), key: 'region', render: (_, u) => u.region.name },
    { title: t('units.col.contact'), dataIndex: 'contactName', responsive: ['lg'] },
    { title: t('units.col.phone'), dataIndex: 'contactPhone', responsive: ['lg'] },
    { title: t('units.col.createdAt'), dataIndex: 'createdAt', render: formatDate, responsive: ['md'] },
  ];

  const u = detail.data;
  return (
    <>
      <PageHead
        title={t('units.title')}
        lead={user?.role === 'district_officer' ? t('units.leadDistrict') : t('units.leadCity')}
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('units.q')}
            placeholder={t('units.q')}
            allowClear
            enterButton={t('action.search')}
            value={draftQ}
            onChange={(e) => setDraftQ(e.target.value)}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 380 }}
          />
        </Space>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<Unit>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          data-testid="units-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
        />
      </Card>
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('units.detail')}
        size={560}
        destroyOnHidden
      >
        {detail.error && <Alert type="error" showIcon title={detail.error.message} />}
        {u && u.id === openId && (
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: t('units.col.name'), children: u.name },
              {
                key: 'code',
                label: t('units.col.creditCode'),
                children: <span className="mono">{u.creditCode}</span>,
              },
              { key: 'type', label: t('units.col.type'), children: t(`unitType.${u.unitType}`) },
              { key: 'region', label: t('units.col.region'), children: u.region.name },
              {
                key: 'reg',
                label: t('units.col.registrationDate'),
                children: formatDate(u.registrationDate),
              },
              { key: 'contact', label: t('units.col.contact'), children: u.contactName },
              { key: 'phone', label: t('units.col.phone'), children: u.contactPhone },
              { key: 'email', label: t('units.col.email'), children: u.contactEmail },
              { key: 'created', label: t('units.col.createdAt'), children: formatDateTime(u.createdAt) },
            ]}
          />
        )}
      </Drawer>
    </>
  );
}
