import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { asApiError, useRequest } from '../../lib/useRequest';
import { applicationsApi } from '../api';
import { StateTag } from '../components/StateTag';
import type { ApplicationListItem, ApplicationState } from '../types';
import '../stations.css';

const OPEN: ApplicationState[] = ['draft', 'submitted', 'returned', 'recommended'];
const EDITABLE: ApplicationState[] = ['draft', 'returned'];
const detailPath = (id: number) => `/console/station-applications/${id}`;

/** 设站申报 (unit): the application in progress, a way to start one, and the unit's past applications. */
export default function MyApplicationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useRequest('my-applications', () => applicationsApi.list({ page: 1, pageSize: 100 }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const current = items.find((a) => OPEN.includes(a.state)) ?? items.find((a) => a.state === 'certified');

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await applicationsApi.create();
      navigate(detailPath(d.id));
    } catch (err) {
      setError(asApiError(err).message);
      setBusy(false);
    }
  };

  const columns: ColumnsType<ApplicationListItem> = [
    {
      title: t('st.col.id'),
      dataIndex: 'id',
      width: 100,
      render: (id: number) => <Link to={detailPath(id)}>#{id}</Link>,
    },
    { title: t('st.col.state'), dataIndex: 'state', render: (s: ApplicationState) => <StateTag state={s} /> },
    { title: t('st.col.submittedAt'), dataIndex: 'submittedAt', render: formatDateTime },
    { title: t('st.col.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
    { title: t('st.col.opinion'), dataIndex: 'lastOpinion', ellipsis: true },
  ];

  return (
    <>
      <PageHead title={t('st.apply.title')} lead={t('st.apply.lead')} />
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Card
        title={t('st.apply.current')}
        style={{ marginBottom: 16 }}
        loading={list.loading && !list.data}
        extra={
          current && (
            <Button
              type="primary"
              icon={<FormOutlined aria-hidden="true" />}
              onClick={() => navigate(detailPath(current.id))}
            >
              {EDITABLE.includes(current.state) ? t('st.apply.continue') : t('st.apply.view')}
            </Button>
          )
        }
      >
        {current ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'id', label: t('st.col.id'), children: `#${current.id}` },
              { key: 'state', label: t('st.col.state'), children: <StateTag state={current.state} /> },
              { key: 'updated', label: t('st.col.updatedAt'), children: formatDateTime(current.updatedAt) },
              ...(current.lastOpinion
                ? [{ key: 'op', label: t('st.col.opinion'), children: current.lastOpinion, span: 3 }]
                : []),
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('st.apply.none')}>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden="true" />}
              loading={busy}
              onClick={() => void start()}
            >
              {t('st.apply.start')}
            </Button>
          </Empty>
        )}
      </Card>
      <Card title={t('st.apply.history')}>
        <Table<ApplicationListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.loading}
          pagination={false}
          data-testid="my-applications"
        />
      </Card>
    </>
  );
}
