import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { batchesApi } from '../api';
import { BatchStateTag } from '../components/BatchStateTag';
import type { CertBatch } from '../types';
import '../stations.css';

/** 认定批次 (municipal office): the batches, and a new one. */
export default function BatchesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useRequest('cert-batches', () => batchesApi.list());
  const [form] = Form.useForm<{ name: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    let v: { name: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { id } = await batchesApi.create(v.name.trim());
      void message.success(t('st.batch.created'));
      setOpen(false);
      navigate(`/console/cert-batches/${id}`);
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<CertBatch> = [
    {
      title: t('st.batch.col.name'),
      dataIndex: 'name',
      render: (name: string, b) => <Link to={`/console/cert-batches/${b.id}`}>{name}</Link>,
    },
    {
      title: t('st.batch.col.state'),
      dataIndex: 'state',
      width: 110,
      render: (s: CertBatch['state']) => <BatchStateTag state={s} />,
    },
    { title: t('st.batch.col.total'), dataIndex: 'total', width: 100, align: 'right' },
    { title: t('st.batch.col.pending'), dataIndex: 'pending', width: 100, align: 'right' },
    { title: t('st.batch.col.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
    { title: t('st.batch.col.closedAt'), dataIndex: 'closedAt', width: 160, render: formatDateTime },
    {
      title: t('common.operations'),
      key: 'op',
      width: 90,
      render: (_, b) => (
        <Link to={`/console/cert-batches/${b.id}`} aria-label={`${t('st.batch.manage')} ${b.name}`}>
          {t('st.batch.manage')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHead
        title={t('st.batch.title')}
        lead={t('st.batch.lead')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden="true" />}
            onClick={() => {
              form.resetFields();
              setError(null);
              setOpen(true);
            }}
          >
            {t('st.batch.create')}
          </Button>
        }
      />
      <Card>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<CertBatch>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          pagination={false}
          data-testid="batches-table"
        />
      </Card>
      <Modal
        open={open}
        title={t('st.batch.create')}
        okText={t('action.confirm')}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        onOk={() => void create()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" name="batch" onFinish={() => void create()}>
          <Form.Item
            name="name"
            label={t('st.batch.name')}
            rules={[
              { required: true, whitespace: true, message: t('val.required', { label: t('st.batch.name') }) },
            ]}
          >
            <Input maxLength={100} placeholder={t('st.batch.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
