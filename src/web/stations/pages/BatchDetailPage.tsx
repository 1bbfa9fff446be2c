import { App, Alert, Button, Card, Result, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Forbidden } from '../../console/Forbidden';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { asApiError, useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { applicationsApi, batchesApi } from '../api';
import { BatchRowDecision } from '../components/BatchRowDecision';
import { BatchStateTag } from '../components/BatchStateTag';
import { StateTag } from '../components/StateTag';
import type { ApplicationListItem, ApplicationState } from '../types';
import '../stations.css';

const detailLink = (id: number) => `/console/station-certify/${id}`;

/** One certification batch: its applications with their decisions, adding more, closing it. */
export default function BatchDetailPage() {
  const { user } = useSession();
  const { id } = useParams();
  const batchId = Number(id);
  if (user?.role !== 'municipal_officer') return <Forbidden />;
  if (!Number.isInteger(batchId) || batchId <= 0) return <Forbidden notFound />;
  return <BatchDetail batchId={batchId} />;
}

function BatchDetail({ batchId }: { batchId: number }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);
  const batches = useRequest(`batches:${tick}`, () => batchesApi.list());
  const members = useRequest(`batch-members:${batchId}:${tick}`, () =>
    applicationsApi.list({ batchId, page: 1, pageSize: 100 }),
  );
  const batch = batches.data?.find((b) => b.id === batchId);
  const open = batch?.state === 'open';
  const candidates = useRequest(open ? `batch-candidates:${tick}` : null, () =>
    applicationsApi.list({ state: 'recommended', unbatched: true, page: 1, pageSize: 100 }),
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (batches.data && !batch)
    return (
      <Result status="404" title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('st.batch.notFound')}</h1>} />
    );

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await batchesApi.add(batchId, selected);
      void message.success(t('st.batch.added', { n: selected.length }));
      setSelected([]);
      refresh();
    } catch (err) {
      setError(asApiError(err).message);
      refresh();
    } finally {
      setBusy(false);
    }
  };

  const close = () =>
    modal.confirm({
      title: t('st.batch.close'),
      content: t('st.batch.closeConfirm', { name: batch?.name ?? '' }),
      okText: t('st.batch.close'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        setError(null);
        try {
          await batchesApi.close(batchId);
          void message.success(t('st.batch.closed'));
        } catch (err) {
          setError(asApiError(err).message);
        }
        refresh();
      },
    });

  const base: ColumnsType<ApplicationListItem> = [
    { title: t('st.col.id'), dataIndex: 'id', width: 100, render: (v: number) => `#${v}` },
    {
      title: t('st.col.unit'),
      dataIndex: 'unitName',
      render: (name: string, r) => <Link to={detailLink(r.id)}>{name}</Link>,
    },
    { title: t('st.col.region'), dataIndex: 'regionName', width: 110 },
  ];
  const memberColumns: ColumnsType<ApplicationListItem> = [
    ...base,
    {
      title: t('st.col.state'),
      dataIndex: 'state',
      width: 130,
      render: (s: ApplicationState) => <StateTag state={s} />,
    },
    {
      title: t('st.batch.col.decision'),
      key: 'decision',
      render: (_, r) => <BatchRowDecision key={`${r.id}:${r.state}`} id={r.id} onDecided={refresh} />,
    },
  ];
  const candidateColumns: ColumnsType<ApplicationListItem> = [
    ...base,
    { title: t('st.col.submittedAt'), dataIndex: 'submittedAt', width: 160, render: formatDateTime },
    { title: t('st.opinion.recommend'), dataIndex: 'lastOpinion', ellipsis: true },
  ];

  return (
    <>
      <PageHead
        title={t('st.batch.detailTitle', { name: batch?.name ?? `#${batchId}` })}
        lead={
          batch && (
            <Space size={8} wrap>
              <BatchStateTag state={batch.state} />
              <span>
                {t('st.batch.col.total')} {batch.total} · {t('st.batch.col.pending')} {batch.pending} ·{' '}
                {t('st.batch.col.createdAt')} {formatDateTime(batch.createdAt)}
              </span>
            </Space>
          )
        }
        extra={
          <Space wrap>
            {open && (
              <Button danger onClick={close}>
                {t('st.batch.close')}
              </Button>
            )}
            <Link to="/console/cert-batches">
              <Button>{t('action.back')}</Button>
            </Link>
          </Space>
        }
      />
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} closable />
      )}
      <Card title={t('st.batch.members')} style={{ marginBottom: 16 }}>
        <Table<ApplicationListItem>
          rowKey="id"
          columns={memberColumns}
          dataSource={members.data?.items ?? []}
          loading={members.loading && !members.data}
          pagination={false}
          data-testid="batch-members"
        />
      </Card>
      {open && (
        <Card
          title={t('st.batch.candidates')}
          extra={
            <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => void add()}>
              {t('st.batch.add', { n: selected.length })}
            </Button>
          }
        >
          <p className="st-hint">{t('st.batch.candidatesLead')}</p>
          <Table<ApplicationListItem>
            rowKey="id"
            columns={candidateColumns}
            dataSource={candidates.data?.items ?? []}
            loading={candidates.loading && !candidates.data}
            pagination={false}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(Number)),
              getCheckboxProps: (r) => ({ 'aria-label': r.unitName }),
            }}
            data-testid="batch-candidates"
          />
        </Card>
      )}
    </>
  );
}
