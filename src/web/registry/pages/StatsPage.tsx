import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useDistricts } from '../../console/admin/useDistricts';
import { useI18n } from '../../i18n';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { statsApi, type StatsKind } from '../api';
import { Chart } from '../components/Chart';
import { StationStatusTag } from '../components/StationStatusTag';
import type { StatsApplicationsRow, StatsAtRiskRow, StatsRecruitsRow, StatsStationsRow } from '../types';

const STATUS_COLORS = { active: '#389e0d', rectification: '#d48806', deregistered: '#8c8c8c' };

function Panel({
  title,
  kind,
  regionId,
  testId,
  children,
}: {
  title: string;
  kind: StatsKind;
  regionId?: number;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={title}
      data-testid={testId}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined aria-hidden="true" />}
          href={statsApi.exportUrl(kind, regionId)}
        >
          {t('reg.export')}
        </Button>
      }
    >
      {children}
    </Card>
  );
}

/** 统计分析 (municipal city-wide, or narrowed to a district; a district office its own). */
export default function StatsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const municipal = user?.role === 'municipal_officer';
  const districts = useDistricts();
  const [regionId, setRegionId] = useState<number | undefined>();
  const [onlyWith, setOnlyWith] = useState(true);
  const key = String(regionId ?? 'all');
  const stations = useRequest(`stats-st:${key}`, () => statsApi.stations(regionId));
  const apps = useRequest(`stats-app:${key}`, () => statsApi.applications(regionId));
  const recruits = useRequest(`stats-rc:${key}`, () => statsApi.recruits(regionId));
  const atRisk = useRequest(`stats-risk:${key}`, () => statsApi.atRisk(regionId));
  const error = stations.error ?? apps.error ?? recruits.error ?? atRisk.error;

  const stRows = (stations.data?.rows ?? []).filter((r) => !onlyWith || r.total > 0);
  const statuses = ['active', 'rectification', 'deregistered'] as const;
  const stColumns: ColumnsType<StatsStationsRow> = [
    { title: t('reg.col.region'), dataIndex: 'regionName' },
    ...statuses.map((s) => ({ title: t(`reg.status.${s}`), dataIndex: s, align: 'right' as const })),
    { title: t('stats.col.total'), dataIndex: 'total', align: 'right' },
  ];

  const states = apps.data?.states ?? [];
  const appRows = apps.data?.rows ?? [];
  const appColumns: ColumnsType<StatsApplicationsRow> = [
    { title: t('stats.col.month'), dataIndex: 'month' },
    ...states.map((s) => ({
      title: lang === 'en' ? s.labelEn : s.label,
      dataIndex: s.key,
      align: 'right' as const,
    })),
    { title: t('stats.col.total'), dataIndex: 'total', align: 'right' },
  ];

  const rcRows = recruits.data?.rows ?? [];
  const rcColumns: ColumnsType<StatsRecruitsRow> = [
    { title: t('stats.col.year'), dataIndex: 'year' },
    { title: t('stats.col.entries'), dataIndex: 'entries', align: 'right' },
    { title: t('stats.col.exits'), dataIndex: 'exits', align: 'right' },
    { title: t('stats.col.stations'), dataIndex: 'stations', align: 'right' },
  ];

  const riskColumns: ColumnsType<StatsAtRiskRow> = [
    {
      title: t('reg.col.number'),
      dataIndex: 'number',
      render: (n: string, r) => (
        <Link to={`/console/stations/${r.id}`} className="mono">
          {n}
        </Link>
      ),
    },
    { title: t('reg.col.unit'), dataIndex: 'unitName' },
    { title: t('reg.col.region'), dataIndex: 'regionName' },
    {
      title: t('reg.col.status'),
      key: 'status',
      render: (_, r) => <StationStatusTag status={r.status} proposed={r.deregistrationProposed} />,
    },
    { title: t('reg.col.lastEntry'), dataIndex: 'lastEntry', render: (v: string | null) => v ?? '—' },
    { title: t('reg.col.years'), dataIndex: 'yearsWithoutRecruit', align: 'right' },
  ];

  const tableProps = {
    size: 'small' as const,
    pagination: false as const,
    locale: { emptyText: t('stats.empty') },
  };

  return (
    <>
      <PageHead
        title={t('menu.stats')}
        lead={t('stats.lead')}
        extra={
          municipal && (
            <Select<number | undefined>
              aria-label={t('reg.filter.region')}
              placeholder={t('reg.filter.region')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              value={regionId}
              onChange={setRegionId}
              options={districts.map((d) => ({ value: d.id, label: d.name }))}
            />
          )
        }
      />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Panel title={t('stats.stations')} kind="stations" regionId={regionId} testId="stats-stations">
          <Space size={6} style={{ marginBottom: 8 }}>
            <Switch id="stats-only-with" size="small" checked={onlyWith} onChange={setOnlyWith} />
            <label htmlFor="stats-only-with">{t('stats.onlyWithStations')}</label>
          </Space>
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <Chart
                label={t('stats.stations')}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: {},
                  grid: { left: 40, right: 16, bottom: 60, containLabel: true },
                  xAxis: {
                    type: 'category',
                    data: stRows.map((r) => r.regionName),
                    axisLabel: { rotate: 30 },
                  },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: statuses.map((s) => ({
                    name: t(`reg.status.${s}`),
                    type: 'bar',
                    stack: 'status',
                    itemStyle: { color: STATUS_COLORS[s] },
                    data: stRows.map((r) => r[s]),
                  })),
                }}
              />
            </Col>
            <Col xs={24} xl={10}>
              <Table<StatsStationsRow>
                rowKey="regionId"
                columns={stColumns}
                dataSource={stRows}
                {...tableProps}
                scroll={{ y: 320 }}
              />
            </Col>
          </Row>
        </Panel>
        <Panel
          title={t('stats.applications')}
          kind="applications"
          regionId={regionId}
          testId="stats-applications"
        >
          <Chart
            label={t('stats.applications')}
            option={{
              tooltip: { trigger: 'axis' },
              legend: {},
              grid: { left: 40, right: 16, containLabel: true },
              xAxis: { type: 'category', data: appRows.map((r) => r.month) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                ...states.map((s) => ({
                  name: lang === 'en' ? s.labelEn : s.label,
                  type: 'bar',
                  stack: 'state',
                  data: appRows.map((r) => r[s.key] ?? 0),
                })),
                { name: t('stats.col.total'), type: 'line', data: appRows.map((r) => r.total) },
              ],
            }}
          />
          <Table<StatsApplicationsRow>
            rowKey="month"
            columns={appColumns}
            dataSource={appRows}
            {...tableProps}
          />
        </Panel>
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Panel title={t('stats.recruits')} kind="recruits" regionId={regionId} testId="stats-recruits">
              <Chart
                label={t('stats.recruits')}
                height={260}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: {},
                  grid: { left: 40, right: 16, containLabel: true },
                  xAxis: { type: 'category', data: rcRows.map((r) => r.year) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    { name: t('stats.col.entries'), type: 'bar', data: rcRows.map((r) => r.entries) },
                    { name: t('stats.col.exits'), type: 'bar', data: rcRows.map((r) => r.exits) },
                  ],
                }}
              />
              <Table<StatsRecruitsRow>
                rowKey="year"
                columns={rcColumns}
                dataSource={rcRows}
                {...tableProps}
              />
            </Panel>
          </Col>
          <Col xs={24} xl={12}>
            <Panel title={t('stats.atRisk')} kind="at-risk" regionId={regionId} testId="stats-at-risk">
              <Table<StatsAtRiskRow>
                rowKey="id"
                columns={riskColumns}
                dataSource={atRisk.data?.rows ?? []}
                {...tableProps}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            </Panel>
          </Col>
        </Row>
      </Space>
    </>
  );
}
