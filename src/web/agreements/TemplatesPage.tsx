import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHead } from '../console/PageHead';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { applyServerErrors } from '../lib/formErrors';
import { asApiError, useRequest } from '../lib/useRequest';
import { agreementsApi, type AgreementTemplate } from './api';

interface EditForm {
  key: string;
  title: string;
  body: string;
  fields: string;
  parties: string;
  filing: 'office' | 'auto';
}

const YES = new Set(['是', 'yes', 'y', '1', 'true']);

function toForm(x: AgreementTemplate): EditForm {
  return {
    key: x.key,
    title: x.title,
    body: x.body,
    fields: x.fields.map((f) => `${f.name}|${f.label}|${f.required ? '是' : '否'}`).join('\n'),
    parties: x.parties.map((p) => `${p.role}|${p.order}`).join('\n'),
    filing: x.filing,
  };
}

function fromForm(v: EditForm) {
  const lines = (s: string) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => l.split('|').map((x) => x.trim()));
  return {
    key: v.key,
    title: v.title,
    body: v.body,
    filing: v.filing,
    fields: lines(v.fields).map(([name = '', label = '', req = '']) => ({
      name,
      label: label || name,
      required: YES.has(req.toLowerCase()),
    })),
    parties: lines(v.parties).map(([role = '', order = '1']) => ({ role, order: Number(order) || 1 })),
  };
}

/** 文书模板 (municipal office): every version; editing saves a new version, which becomes the active one. */
export default function TemplatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useRequest('agreement-templates', agreementsApi.templates);
  const [editing, setEditing] = useState<AgreementTemplate | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<EditForm>();

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const saved = await agreementsApi.saveTemplate(fromForm(v));
      void message.success(t('agr.tpl.saved', { version: saved.version }));
      setEditing(null);
      list.reload();
    } catch (err) {
      void message.error(applyServerErrors(form, asApiError(err)), 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title={t('agr.tpl.title')} lead={t('agr.tpl.lead')} />
      <Table<AgreementTemplate>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('agr.tpl.key'), dataIndex: 'key', width: 180 },
          { title: t('agr.tpl.version'), dataIndex: 'version', width: 70 },
          { title: t('agr.tpl.name'), dataIndex: 'title' },
          {
            title: t('agr.tpl.filing'),
            dataIndex: 'filing',
            width: 130,
            render: (f: string) => t(f === 'auto' ? 'agr.tpl.filing.auto' : 'agr.tpl.filing.office'),
          },
          {
            title: t('agr.tpl.active'),
            dataIndex: 'active',
            width: 110,
            render: (a: boolean) =>
              a ? <Tag color="success">{t('agr.tpl.active')}</Tag> : t('agr.tpl.inactive'),
          },
          { title: t('agr.col.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: '',
            width: 170,
            render: (_: unknown, x) =>
              x.active && (
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(x);
                    form.setFieldsValue(toForm(x));
                  }}
                >
                  {t('agr.tpl.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={800}
        title={editing ? `${editing.key} · ${t('agr.tpl.edit')}` : ''}
        confirmLoading={busy}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="key" label={t('agr.tpl.key')}>
            <Input disabled />
          </Form.Item>
          <Form.Item name="title" label={t('agr.tpl.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="body" label={t('agr.tpl.body')} rules={[{ required: true }]}>
            <Input.TextArea rows={10} />
          </Form.Item>
          <Form.Item name="fields" label={t('agr.tpl.fields')} rules={[{ required: true }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="parties" label={t('agr.tpl.parties')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="filing" label={t('agr.tpl.filing')}>
            <Select
              options={[
                { value: 'office', label: t('agr.tpl.filing.office') },
                { value: 'auto', label: t('agr.tpl.filing.auto') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
