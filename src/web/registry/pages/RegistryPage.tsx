import { DownloadOutlined, SearchOutlined, SyncOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useDistricts } from '../../console/admin/useDistricts';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { asApiError, useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { registryApi } from '../api';
import { AdjustmentReportModal } from '../components/AdjustmentReportModal';
import { STATION_STATUSES, StationStatusTag } from '../components/StationStatusTag';
import type { AdjustmentReport, StationListItem, StationStatus } from '../types';

const PAGE_SIZE = 20;

/** 工作站管理: the registry in the officer's scope, with filters, export, import and the adjustment check. */
export default function RegistryPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSession();
  const municipal = user?.role === 'municipal_officer';
  const districts = useDistricts();
  const [status, setStatus] = useState<StationStatus | undefined>();
  const [regionId, setRegionId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const [atRisk, setAtRisk] = useState(false);
  const [page, setPage] = useState(1);
  const [report, setReport] = useState<AdjustmentReport | null>(null);
  const [running, setRunning] = useState(false);
  const filters = { status, regionId, q: query || undefined, atRisk: atRisk ? ('1' as const) : undefined };
  const list = useRequest(`stations:${JSON.stringify(filters)}:${page}`, () =>
    registryApi.list({ ...filters, page, pageSize: PAGE_SIZE }),
  );

  const runCheck = () =>
    modal.confirm({
      title: t('reg.runCheck'),
      content: t('reg.check.confirm'),
      okText: t('action.confirm'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        setRunning(true);
        try {
          setReport(await registryApi.runAdjustment());
          list.reload();
        } catch (err) {
          void message.error(asApiError(err).message);
        } finally {
          setRunning(false);
        }
      },
    });

  const columns: ColumnsType<StationListItem> = [
    {
      title: t('reg.col.number'),
      dataIndex: 'number',
      render: (n: string, s) => (
        <Link to={`/console/stations/${s.id}`} className="mono">
          {n}
        </Link>
      ),
    },
    { title: t('reg.col.unit'), dataIndex: 'unitName' },
    { title: t('reg.col.region'), dataIndex: 'regionName', width: 120 },
    {
      title: t('reg.col.status'),
      key: 'status',
      width: 190,
      render: (_, s) => (
        <Space size={4} wrap>
          <StationStatusTag status={s.status} proposed={s.deregistrationProposed} />
          {s.atRisk && (
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {t('reg.atRiskTag')}
            </Tag>
          )}
          {s.nationalCultivation && <Tag style={{ marginInlineEnd: 0 }}>{t('reg.cultivation')}</Tag>}
        </Space>
      ),
    },
    { title: t('reg.col.certifiedAt'), dataIndex: 'certifiedAt', width: 110, render: formatDate },
    {
      title: t('reg.col.lastEntry'),
      dataIndex: 'lastEntry',
      width: 110,
      render: formatDate,
      responsive: ['lg'],
    },
    { title: t('reg.col.years'), dataIndex: 'yearsWithoutRecruit', width: 100, align: 'right' },
    {
      title: t('reg.col.actions'),
      key: 'op',
      width: 80,
      render: (_, s) => (
        <Button
          size="small"
          onClick={() => void navigate(`/console/stations/${s.id}`)}
          aria-label={`${t('reg.view')} ${s.number}`}
        >
          {t('reg.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHead
        title={t('menu.registry')}
        lead={t('reg.registryLead')}
        extra={
          municipal && (
            <Space wrap>
              <Button
                icon={<UploadOutlined aria-hidden="true" />}
                onClick={() => void navigate('/console/stations/import')}
              >
                {t('reg.import')}
              </Button>
              <Button
                type="primary"
                icon={<SyncOutlined aria-hidden="true" />}
                loading={running}
                onClick={runCheck}
              >
                {t('reg.runCheck')}
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }} align="center">
          <Select<StationStatus | undefined>
            aria-label={t('reg.filter.status')}
            placeholder={t('reg.filter.status')}
            allowClear
            style={{ width: 140 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATION_STATUSES.map((s) => ({ value: s, label: t(`reg.status.${s}`) }))}
          />
          {municipal && (
            <Select<number | undefined>
              aria-label={t('reg.filter.region')}
              placeholder={t('reg.filter.region')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 180 }}
              value={regionId}
              onChange={(v) => {
                setRegionId(v);
                setPage(1);
              }}
              options={districts.map((d) => ({ value: d.id, label: d.name }))}
            />
          )}
          <Input
            type="search"
            aria-label={t('reg.filter.q')}
            placeholder={t('reg.filter.q')}
            allowClear
            prefix={<SearchOutlined aria-hidden="true" />}
            style={{ width: 260 }}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
          <Space size={6}>
            <Switch
              id="reg-at-risk"
              checked={atRisk}
              onChange={(v) => {
                setAtRisk(v);
                setPage(1);
              }}
            />
            <label htmlFor="reg-at-risk">{t('reg.filter.atRisk')}</label>
          </Space>
          <Button icon={<DownloadOutlined aria-hidden="true" />} href={registryApi.exportUrl(filters)}>
            {t('reg.export')}
          </Button>
        </Space>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<StationListItem>
          rowKey="id"
          size="middle"
          data-testid="registry-table"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          locale={{ emptyText: t('reg.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('reg.total', { n }),
            onChange: setPage,
          }}
        />
      </Card>
      {report && <AdjustmentReportModal report={report} onClose={() => setReport(null)} />}
    </>
  );
}
