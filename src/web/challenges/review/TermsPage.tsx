import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/formErrors';
import { asApiError, useRequest } from '../../lib/useRequest';
import { termsApi, type Term, type TermInput } from './api';

const tags = (xs: string[]) => (
  <Space size={[4, 4]} wrap>
    {xs.map((x) => (
      <Tag key={x}>{x}</Tag>
    ))}
  </Space>
);

/**
 * 检索词典 (municipal office): synonyms are found both ways (柑橘 = 柑桔), narrower terms are found by the
 * broader one (中药材 ⊃ 百蕊草). The hall's search reads the table on every query, so an edit works at once.
 */
export default function TermsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useRequest('challenge-terms', () => termsApi.list());
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Term | 'new' | null>(null);
  const items = useMemo(() => {
    const all = list.data?.items ?? [];
    const f = filter.trim();
    if (!f) return all;
    return all.filter((x) => [x.term, ...x.synonyms, ...x.narrower].some((w) => w.includes(f)));
  }, [list.data, filter]);

  const remove = async (term: Term) => {
    try {
      await termsApi.remove(term.id);
      void message.success(t('ct.deleted', { term: term.term }));
      list.reload();
    } catch (err) {
      void message.error(asApiError(err).message);
    }
  };

  const columns: ColumnsType<Term> = [
    { title: t('ct.term'), dataIndex: 'term', width: 160, render: (x: string) => <strong>{x}</strong> },
    { title: t('ct.synonyms'), dataIndex: 'synonyms', render: tags },
    { title: t('ct.narrower'), dataIndex: 'narrower', render: tags },
    { title: t('ct.updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatDateTime },
    {
      title: t('common.operations'),
      key: 'op',
      width: 140,
      render: (_, r) => (
        <Space>
          <Button size="small" onClick={() => setEditing(r)} aria-label={`${t('ct.edit')} ${r.term}`}>
            {t('ct.edit')}
          </Button>
          <Popconfirm
            title={t('ct.confirmDelete', { term: r.term })}
            okText={t('action.confirm')}
            cancelText={t('action.cancel')}
            onConfirm={() => remove(r)}
          >
            <Button size="small" danger aria-label={`${t('ct.delete')} ${r.term}`}>
              {t('ct.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHead
        title={t('menu.challengeTerms')}
        lead={t('ct.lead')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('ct.add')}
          </Button>
        }
      />
      <Card>
        <Input.Search
          aria-label={t('ct.filter')}
          placeholder={t('ct.filter')}
          allowClear
          onSearch={setFilter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 320, marginBottom: 16 }}
        />
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<Term>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.loading}
          data-testid="terms"
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        />
      </Card>
      {editing !== null && (
        <TermModal
          term={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function TermModal({ term, onClose, onSaved }: { term: Term | null; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TermInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    let v: TermInput;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = { term: v.term, synonyms: v.synonyms ?? [], narrower: v.narrower ?? [] };
      if (term) await termsApi.update(term.id, body);
      else await termsApi.create(body);
      void message.success(t('ct.saved', { term: body.term }));
      onSaved();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={term ? t('ct.editTitle', { term: term.term }) : t('ct.add')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name="term"
        initialValues={term ?? { term: '', synonyms: [], narrower: [] }}
      >
        <Form.Item
          name="term"
          label={t('ct.term')}
          rules={[{ required: true, whitespace: true, message: t('ct.termRequired') }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="synonyms" label={t('ct.synonyms')} extra={t('ct.synonymsHelp')}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            aria-label={t('ct.synonyms')}
          />
        </Form.Item>
        <Form.Item name="narrower" label={t('ct.narrower')} extra={t('ct.narrowerHelp')}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            aria-label={t('ct.narrower')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
