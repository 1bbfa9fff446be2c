import { Select, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n, type MessageKey } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { organiserApi, type QueueItem, type VerificationState, type VerifiedType } from './api';
import { VerificationTag } from './labels';
import { VerifyButtons } from './VerifyButtons';

/** 信息核实: the postings and sign-ups of the office's scope, verified or questioned from here. */
export default function VerificationsPage() {
  const { t } = useI18n();
  const [type, setType] = useState<VerifiedType>('challenge');
  const [state, setState] = useState<VerificationState | undefined>('unverified');
  const [page, setPage] = useState(1);
  const req = useRequest(`org-queue:${type}:${state ?? ''}:${page}`, () =>
    organiserApi.queue(type, state, page),
  );
  return (
    <>
      <PageHead title={t('org.v.title')} lead={t('org.v.lead')} />
      <Tabs
        activeKey={type}
        onChange={(k) => {
          setType(k as VerifiedType);
          setPage(1);
        }}
        items={[
          { key: 'challenge', label: t('org.v.tab.challenge') },
          { key: 'signup', label: t('org.v.tab.signup') },
        ]}
      />
      <Space style={{ marginBottom: 16 }}>
        <Select<VerificationState | ''>
          aria-label={t('org.v.col.state')}
          style={{ width: 160 }}
          value={state ?? ''}
          onChange={(v) => {
            setState(v || undefined);
            setPage(1);
          }}
          options={[
            { value: '', label: `${t('org.v.col.state')}：${t('org.all')}` },
            ...(['unverified', 'questioned', 'verified'] as const).map((s) => ({
              value: s,
              label: t(`org.v.${s}` as MessageKey),
            })),
          ]}
        />
      </Space>
      <Table<QueueItem>
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('org.v.none') }}
        pagination={{
          current: page,
          total: req.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('org.v.col.title'),
            dataIndex: 'title',
            render: (title: string, r) => (
              <Link to={`/console/organiser/needs/${r.challengeId}`}>{title}</Link>
            ),
          },
          { title: t('org.v.col.owner'), dataIndex: 'owner', width: 160 },
          {
            title: t('org.v.col.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: VerificationState) => <VerificationTag state={s} />,
          },
          {
            title: t('org.v.col.note'),
            key: 'note',
            render: (_, r) => (r.by ? `${r.note || '—'}（${r.by} ${formatDateTime(r.at)}）` : ''),
          },
          {
            title: '',
            key: 'act',
            width: 170,
            render: (_, r) => <VerifyButtons type={type} id={r.id} actions={r.actions} onDone={req.reload} />,
          },
        ]}
      />
    </>
  );
}
