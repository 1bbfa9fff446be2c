import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n } from '../i18n';
import { applyServerErrors } from '../lib/formErrors';
import { asApiError, useRequest } from '../lib/useRequest';
import { useSession } from '../session/SessionContext';
import { agreementsApi, type AgreementQuery } from './api';
import { AgreementList } from './AgreementList';

const AUTO_FIELDS = new Set([
  'poster_name',
  'taker_name',
  'challenge_title',
  'challenge_id',
  'domain',
  'amount_wan',
  'sign_date',
  'start_date',
  'valid_until',
]);

/** 备案登记: the filing register (filed by default), the Excel export, and — for the municipal office — new agreements. */
export default function RegisterPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const query: AgreementQuery = {
    state: params.get('state') ?? 'filed',
    q: params.get('q') ?? undefined,
  };
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{
    templateKey: string;
    challengeId: number;
    takerUsername: string;
    fields?: Record<string, string>;
  }>();
  const canCreate = user?.role === 'municipal_officer';
  const templates = useRequest(creating ? 'agreement-templates' : null, agreementsApi.templates);
  const templateKey = Form.useWatch('templateKey', form);
  const chosen = templates.data?.items.find((x) => x.key === templateKey && x.active);
  const choices = (templates.data?.items ?? []).filter(
    (x) =>
      x.active && x.filing === 'office' && x.parties.every((p) => p.role === '揭榜方' || p.role === '张榜方'),
  );

  const create = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const fields = Object.fromEntries(Object.entries(v.fields ?? {}).filter(([, x]) => x && x.trim()));
      const a = await agreementsApi.create({ ...v, fields });
      void message.success(t('agr.create.ok', { number: a.number }));
      setCreating(false);
      form.resetFields();
      setParams({ state: 'signing', open: String(a.id) }, { replace: true });
    } catch (err) {
      void message.error(applyServerErrors(form, asApiError(err)), 6);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead
        title={t('agr.register.title')}
        lead={t('agr.register.lead')}
        extra={
          <Space wrap>
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden="true" />}
                onClick={() => setCreating(true)}
              >
                {t('agr.register.new')}
              </Button>
            )}
            <Button
              href={agreementsApi.registerExportUrl(query)}
              icon={<DownloadOutlined aria-hidden="true" />}
              download
            >
              {t('agr.register.export')}
            </Button>
          </Space>
        }
      />
      <AgreementList
        name="agreement-register"
        load={agreementsApi.register}
        defaultState="filed"
        showFiling
      />
      <Modal
        open={creating}
        title={t('agr.create.title')}
        okText={t('agr.register.new')}
        confirmLoading={busy}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ templateKey: 'cooperation' }}>
          <Form.Item name="templateKey" label={t('agr.create.template')} rules={[{ required: true }]}>
            <Select options={choices.map((x) => ({ value: x.key, label: `${x.title}（v${x.version}）` }))} />
          </Form.Item>
          <Form.Item name="challengeId" label={t('agr.create.challengeId')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="takerUsername"
            label={t('agr.create.taker')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <p>{t('agr.create.fieldsHint')}</p>
          {(chosen?.fields ?? [])
            .filter((f) => !AUTO_FIELDS.has(f.name))
            .map((f) => (
              <Form.Item
                key={f.name}
                name={['fields', f.name]}
                label={f.label}
                rules={f.required ? [{ required: true, whitespace: true }] : []}
              >
                <Input />
              </Form.Item>
            ))}
        </Form>
      </Modal>
    </>
  );
}
