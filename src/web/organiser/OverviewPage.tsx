import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n, type MessageKey } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { DOMAINS } from '../../shared/roles';
import {
  organiserApi,
  STAGES,
  type EngagementRow,
  type OverviewQuery,
  type Stage,
  type VerificationState,
} from './api';
import { useDomainLabel, VerificationTag } from './labels';

const V_STATES: VerificationState[] = ['unverified', 'verified', 'questioned'];

/** 对接总览: every sign-up of the office's scope, counts per stage, filters and the Excel export. */
export default function OverviewPage() {
  const { t } = useI18n();
  const domain = useDomainLabel();
  const [query, setQuery] = useState<OverviewQuery>({ page: 1 });
  const req = useRequest(`org-ov:${JSON.stringify(query)}`, () => organiserApi.overview(query));
  const set = (patch: Partial<OverviewQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const stageLabel = (s: Stage) => t(`org.stage.${s}` as MessageKey);
  return (
    <>
      <PageHead
        title={t('org.ov.title')}
        lead={t('org.ov.lead')}
        extra={
          <Button href={organiserApi.overviewExportUrl(query)} icon={<DownloadOutlined aria-hidden="true" />}>
            {t('org.ov.export')}
          </Button>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {STAGES.map((s) => (
          <Col key={s} xs={12} sm={8} md={6} lg={3}>
            <Card size="small" hoverable onClick={() => set({ stage: query.stage === s ? undefined : s })}>
              <Statistic title={stageLabel(s)} value={req.data?.counts[s] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<Stage | ''>
          aria-label={t('org.ov.stage')}
          style={{ width: 170 }}
          value={query.stage ?? ''}
          options={[
            { value: '', label: `${t('org.ov.stage')}：${t('org.all')}` },
            ...STAGES.map((s) => ({ value: s, label: stageLabel(s) })),
          ]}
          onChange={(v) => set({ stage: v || undefined })}
        />
        <Select<string>
          aria-label={t('org.ov.domain')}
          style={{ width: 200 }}
          value={query.domain ?? ''}
          options={[
            { value: '', label: `${t('org.ov.domain')}：${t('org.all')}` },
            ...DOMAINS.map((d) => ({ value: d, label: domain(d) })),
          ]}
          onChange={(v) => set({ domain: v || undefined })}
        />
        <Select<VerificationState | ''>
          aria-label={t('org.v.col.state')}
          style={{ width: 160 }}
          value={query.verification ?? ''}
          options={[
            { value: '', label: `${t('org.v.col.state')}：${t('org.all')}` },
            ...V_STATES.map((s) => ({ value: s, label: t(`org.v.${s}` as MessageKey) })),
          ]}
          onChange={(v) => set({ verification: v || undefined })}
        />
        <Input.Search
          allowClear
          aria-label={t('org.ov.q')}
          placeholder={t('org.ov.q')}
          style={{ width: 240 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
      </Space>
      <Table<EngagementRow>
        rowKey="signupId"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('org.ov.none') }}
        pagination={{
          current: query.page ?? 1,
          total: req.data?.total ?? 0,
          pageSize: 20,
          showSizeChanger: false,
          onChange: (page) => setQuery((q) => ({ ...q, page })),
        }}
        columns={[
          {
            title: t('org.v.col.title'),
            dataIndex: 'title',
            render: (title: string, r) => (
              <Link to={`/console/organiser/needs/${r.challengeId}`}>{title}</Link>
            ),
          },
          { title: t('org.ov.domain'), dataIndex: 'domain', width: 150, render: domain },
          { title: t('org.ov.col.region'), dataIndex: 'regionName', width: 110 },
          { title: t('org.ov.col.poster'), dataIndex: 'poster', width: 140 },
          { title: t('org.ov.col.taker'), dataIndex: 'taker', width: 180 },
          { title: t('org.ov.stage'), dataIndex: 'stage', width: 110, render: stageLabel },
          { title: t('org.ov.col.messages'), dataIndex: 'messages', width: 70 },
          { title: t('org.ov.col.last'), dataIndex: 'lastMessageAt', width: 150, render: formatDateTime },
          {
            title: t('org.v.col.state'),
            dataIndex: 'verification',
            width: 100,
            render: (s: VerificationState) => <VerificationTag state={s} />,
          },
          {
            title: '',
            key: 'sol',
            width: 90,
            render: (_, r) =>
              r.solutionId && <Link to={`/console/solutions/${r.solutionId}`}>{t('org.ov.solution')}</Link>,
          },
        ]}
      />
    </>
  );
}
