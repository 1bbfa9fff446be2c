import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { isValidIdNumber } from '../../../shared/id-number';
import { useI18n, type MessageKey } from '../../i18n';
import { rulesFor } from '../../lib/validators';
import { formatDate } from '../../lib/format';
import { applyServerErrors } from '../../lib/formErrors';
import { registryApi } from '../api';
import type { Recruit, RecruitInput, StationDetail } from '../types';
import { DateField } from './DateField';

function RecruitForm({
  stationId,
  onDone,
  onCancel,
}: {
  stationId: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecruitInput>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const r = rulesFor(t);
  const required = (key: MessageKey) => r.required(t(key));

  const submit = async (values: RecruitInput) => {
    setBusy(true);
    setError(null);
    try {
      await registryApi.addRecruit(stationId, { ...values, exitDate: values.exitDate ?? null });
      onDone();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('reg.r.add')}
      onCancel={onCancel}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form<RecruitInput> form={form} layout="vertical" onFinish={(v) => void submit(v)} name="recruit">
        <Form.Item label={t('reg.r.name')} name="name" rules={[required('reg.r.name')]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('reg.r.idNumber')}
          name="idNumber"
          rules={[
            required('reg.r.idNumber'),
            {
              validator: (_, v: string | undefined) =>
                !v || isValidIdNumber(v.trim().toUpperCase())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('reg.r.badId'))),
            },
          ]}
        >
          <Input maxLength={18} className="mono" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('reg.r.supervisor')} name="supervisor" rules={[required('reg.r.supervisor')]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('reg.r.mobileStation')}
          name="mobileStation"
          rules={[required('reg.r.mobileStation')]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('reg.r.project')} name="project" rules={[required('reg.r.project')]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('reg.r.entryDate')} name="entryDate" rules={[r.choose(t('reg.r.entryDate'))]}>
          <DateField />
        </Form.Item>
        <Form.Item label={t('reg.r.exitDate')} name="exitDate">
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExitForm({
  stationId,
  recruit,
  onDone,
  onCancel,
}: {
  stationId: number;
  recruit: Recruit;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ exitDate: string }>();
  const r = rulesFor(t);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ exitDate }: { exitDate: string }) => {
    setBusy(true);
    try {
      await registryApi.exit(stationId, recruit.id, exitDate);
      onDone();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('reg.r.exitTitle', { name: recruit.name })}
      onCancel={onCancel}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="recruit-exit">
        <Form.Item label={t('reg.r.exitDate')} name="exitDate" rules={[r.choose(t('reg.r.exitDate'))]}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 进站人员: the station's recruits; the unit records entries and exits. */
export function RecruitsSection({ station, onChanged }: { station: StationDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [exiting, setExiting] = useState<Recruit | null>(null);
  const canRecord = station.actions.includes('record_recruit');
  const done = () => {
    setAdding(false);
    setExiting(null);
    void message.success(t('reg.r.saved'));
    onChanged();
  };
  const columns: ColumnsType<Recruit> = [
    { title: t('reg.r.name'), dataIndex: 'name' },
    {
      title: t('reg.r.idNumber'),
      dataIndex: 'idNumber',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('reg.r.supervisor'), dataIndex: 'supervisor' },
    { title: t('reg.r.mobileStation'), dataIndex: 'mobileStation', responsive: ['lg'] },
    { title: t('reg.r.project'), dataIndex: 'project', responsive: ['lg'] },
    { title: t('reg.r.entryDate'), dataIndex: 'entryDate', render: formatDate },
    {
      title: t('reg.r.exitDate'),
      dataIndex: 'exitDate',
      render: (v: string | null, rec) =>
        v ? (
          formatDate(v)
        ) : canRecord ? (
          <Button size="small" onClick={() => setExiting(rec)} aria-label={`${t('reg.r.exit')} ${rec.name}`}>
            {t('reg.r.exit')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card
      title={t('reg.d.recruits')}
      extra={
        canRecord && (
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setAdding(true)}>
            {t('reg.r.add')}
          </Button>
        )
      }
    >
      <Table<Recruit>
        rowKey="id"
        size="small"
        data-testid="recruits-table"
        columns={columns}
        dataSource={station.recruits}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('reg.r.empty') }}
      />
      {adding && <RecruitForm stationId={station.id} onDone={done} onCancel={() => setAdding(false)} />}
      {exiting && (
        <ExitForm stationId={station.id} recruit={exiting} onDone={done} onCancel={() => setExiting(null)} />
      )}
    </Card>
  );
}
