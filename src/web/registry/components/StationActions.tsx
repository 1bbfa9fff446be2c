import { App, Alert, Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { rulesFor } from '../../lib/validators';
import { asApiError } from '../../lib/useRequest';
import { FileCacheProvider } from '../../stations/components/FileCache';
import { EvidenceUpload } from '../../stations/components/EvidenceUpload';
import { registryApi } from '../api';
import type { StationDetail } from '../types';

const CAUSES = ['misconduct', 'lost_conditions'] as const;

interface DeregisterValues {
  cause: (typeof CAUSES)[number];
  opinion: string;
  evidence: number[];
}

function DeregisterModal({ id, onDone, onCancel }: { id: number; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const r = rulesFor(t);
  const [form] = Form.useForm<DeregisterValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: DeregisterValues) => {
    setBusy(true);
    try {
      await registryApi.deregister(id, { cause: v.cause, opinion: v.opinion, evidence: v.evidence ?? [] });
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
      title={t('reg.dereg.button')}
      onCancel={onCancel}
      okText={t('reg.dereg.button')}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <FileCacheProvider initial={[]}>
        <Form<DeregisterValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          name="deregister"
        >
          <Form.Item label={t('reg.dereg.cause')} name="cause" rules={[r.choose(t('reg.dereg.cause'))]}>
            <Select
              options={CAUSES.map((c) => ({ value: c, label: t(`reg.dereg.${c}`) }))}
              popupMatchSelectWidth
              optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
            />
          </Form.Item>
          <Form.Item
            label={t('reg.dereg.opinion')}
            name="opinion"
            rules={[r.required(t('reg.dereg.opinion'))]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item label={t('reg.dereg.evidence')} name="evidence" initialValue={[]}>
            <EvidenceUpload label={t('reg.dereg.evidence')} />
          </Form.Item>
        </Form>
      </FileCacheProvider>
    </Modal>
  );
}

function DecideModal({
  id,
  confirm,
  onDone,
  onCancel,
}: {
  id: number;
  confirm: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const r = rulesFor(t);
  const [form] = Form.useForm<{ opinion: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = confirm ? t('reg.decide.confirm') : t('reg.decide.decline');
  const submit = async ({ opinion }: { opinion: string }) => {
    setBusy(true);
    try {
      await registryApi.decide(id, confirm, opinion);
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
      title={title}
      onCancel={onCancel}
      okText={title}
      okButtonProps={{ danger: confirm }}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="decide">
        <Form.Item
          label={t('reg.decide.opinion')}
          name="opinion"
          rules={[r.required(t('reg.decide.opinion'))]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The municipal office's actions on a station, each shown only when the server lists it. */
export function StationActions({ station, onChanged }: { station: StationDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'deregister' | 'confirm' | 'decline' | null>(null);
  const [saving, setSaving] = useState(false);
  const has = (a: StationDetail['actions'][number]) => station.actions.includes(a);
  const done = () => {
    setOpen(null);
    void message.success(t('reg.done'));
    onChanged();
  };
  const setFlag = async (flag: boolean) => {
    setSaving(true);
    try {
      await registryApi.cultivation(station.id, flag);
      onChanged();
    } catch (err) {
      void message.error(asApiError(err).message);
    } finally {
      setSaving(false);
    }
  };
  if (!has('set_cultivation') && !has('deregister') && !has('decide_deregistration')) return null;
  return (
    <Space wrap>
      {has('set_cultivation') && (
        <Space size={6}>
          <Switch
            id="station-cultivation"
            checked={station.nationalCultivation}
            loading={saving}
            onChange={(v) => void setFlag(v)}
          />
          <label htmlFor="station-cultivation">{t('reg.cultivation')}</label>
        </Space>
      )}
      {has('decide_deregistration') && (
        <>
          <Button type="primary" danger onClick={() => setOpen('confirm')}>
            {t('reg.decide.confirm')}
          </Button>
          <Button onClick={() => setOpen('decline')}>{t('reg.decide.decline')}</Button>
        </>
      )}
      {has('deregister') && (
        <Button danger onClick={() => setOpen('deregister')}>
          {t('reg.dereg.button')}
        </Button>
      )}
      {open === 'deregister' && (
        <DeregisterModal id={station.id} onDone={done} onCancel={() => setOpen(null)} />
      )}
      {(open === 'confirm' || open === 'decline') && (
        <DecideModal
          id={station.id}
          confirm={open === 'confirm'}
          onDone={done}
          onCancel={() => setOpen(null)}
        />
      )}
    </Space>
  );
}
