import { ArrowLeftOutlined, DownloadOutlined, FilePdfOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Space, Spin, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DOMAIN_LABELS, DOMAIN_LABELS_EN } from '../../shared/labels';
import { useI18n } from '../i18n';
import { applyServerErrors } from '../lib/formErrors';
import { asApiError, useRequest } from '../lib/useRequest';
import { resultsApi, type Announcement, type CompiledItem } from './api';
import { StateTag } from './StateTag';

interface Row {
  solutionId: number;
  needTitle: string;
  domain: string;
  posterName: string;
  takerName: string;
  matchedOn: string;
  summary: string;
}
interface Values {
  title: string;
  periodFrom: Dayjs | null;
  periodTo: Dayjs | null;
  intro: string;
  items: Array<{ summary: string }>;
}

const toRow = (i: CompiledItem | Announcement['items'][number]): Row => ({
  solutionId: i.solutionId ?? 0,
  needTitle: i.needTitle,
  domain: i.domain,
  posterName: i.posterName,
  takerName: i.takerName,
  matchedOn: i.matchedOn,
  summary: i.summary,
});

/** One announcement: the form while a draft (compile pre-fills the items), read-only after; buttons from `actions`. */
export function AnnouncementEditor({
  id,
  onClose,
  onCreated,
}: {
  id: number | null;
  onClose: () => void;
  onCreated: (a: Announcement) => void;
}) {
  const [tick, setTick] = useState(0);
  const req = useRequest(id ? `results:one:${id}:${tick}` : null, () => resultsApi.get(id!));
  const a = req.data ?? null;
  if (id !== null && !a) return req.error ? <Alert type="error" title={req.error.message} /> : <Spin />;
  return (
    <EditorBody
      key={a ? `${a.id}:${a.revision}:${a.state}` : 'new'}
      id={id}
      a={a}
      onClose={onClose}
      onCreated={onCreated}
      reload={() => setTick((n) => n + 1)}
    />
  );
}

function EditorBody({
  id,
  a,
  onClose,
  onCreated,
  reload,
}: {
  id: number | null;
  a: Announcement | null;
  onClose: () => void;
  onCreated: (a: Announcement) => void;
  reload: () => void;
}) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editable = id === null || (a?.actions.includes('edit') ?? false);
  const [rows, setRows] = useState<Row[]>(() => a?.items.map(toRow) ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const domains: Record<string, string> = lang === 'en' ? DOMAIN_LABELS_EN : DOMAIN_LABELS;
  const initial: Partial<Values> = a
    ? {
        title: a.title,
        periodFrom: dayjs(a.periodFrom),
        periodTo: dayjs(a.periodTo),
        intro: a.intro,
        items: a.items.map((i) => ({ summary: i.summary })),
      }
    : { intro: '', items: [] };

  const compile = async () => {
    const from = form.getFieldValue('periodFrom') as Values['periodFrom'];
    const to = form.getFieldValue('periodTo') as Values['periodTo'];
    if (!from || !to) {
      void message.warning(t('rs.compile.needPeriod'));
      return;
    }
    try {
      const r = await resultsApi.compile(from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'));
      const next = r.items.map(toRow);
      setRows(next);
      form.setFieldValue(
        'items',
        next.map((x) => ({ summary: x.summary })),
      );
      void message.success(t('rs.compile.done', { n: next.length }));
    } catch (err) {
      void message.error(asApiError(err).message);
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      periodFrom: v.periodFrom?.format('YYYY-MM-DD') ?? '',
      periodTo: v.periodTo?.format('YYYY-MM-DD') ?? '',
      intro: v.intro ?? '',
      items: rows.map((r, i) => ({ solutionId: r.solutionId, summary: v.items?.[i]?.summary ?? r.summary })),
    };
    setBusy(true);
    setError(null);
    try {
      if (id === null) onCreated(await resultsApi.create(body));
      else {
        await resultsApi.update(id, { ...body, revision: a!.revision });
        void message.success(t('rs.saved'));
        reload();
      }
    } catch (err) {
      setError(applyServerErrors(form, asApiError(err)));
    } finally {
      setBusy(false);
    }
  };

  const act = (action: 'publish' | 'withdraw') => {
    if (!a) return;
    let reason = '';
    modal.confirm({
      title: t(action === 'publish' ? 'rs.publish' : 'rs.withdraw'),
      content:
        action === 'publish' ? (
          t('rs.publish.confirm')
        ) : (
          <Input.TextArea
            aria-label={t('rs.withdraw.reason')}
            placeholder={t('rs.withdraw.reason')}
            onChange={(e) => (reason = e.target.value)}
          />
        ),
      onOk: async () => {
        try {
          await resultsApi.act(a.id, action, reason);
          void message.success(t(action === 'publish' ? 'rs.state.published' : 'rs.state.withdrawn'));
          reload();
        } catch (err) {
          void message.error(asApiError(err).message, 6);
        }
      },
    });
  };

  return (
    <>
      <p>
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={onClose}
          icon={<ArrowLeftOutlined aria-hidden="true" />}
        >
          {t('rs.back')}
        </Button>
      </p>
      <div className="page-head">
        <div>
          <h1>
            {a?.title ?? t('rs.new')} {a && <StateTag state={a.state} />}
          </h1>
          {a?.state === 'withdrawn' && <p>{t('rs.withdrawn.reason', { reason: a.withdrawReason })}</p>}
        </div>
        <Space wrap>
          {a?.actions.includes('publish') && (
            <Button type="primary" onClick={() => act('publish')}>
              {t('rs.publish')}
            </Button>
          )}
          {a?.actions.includes('withdraw') && (
            <Button danger onClick={() => act('withdraw')}>
              {t('rs.withdraw')}
            </Button>
          )}
          {a?.actions.includes('export') && (
            <>
              <Button href={resultsApi.exportUrl(a.id)} icon={<DownloadOutlined aria-hidden="true" />}>
                {t('rs.export')}
              </Button>
              <Button
                href={resultsApi.pdfUrl(a.id)}
                target="_blank"
                icon={<FilePdfOutlined aria-hidden="true" />}
              >
                {t('rs.pdf')}
              </Button>
            </>
          )}
        </Space>
      </div>
      {error && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={error} />}
      <Card>
        <Form form={form} layout="vertical" disabled={!editable} initialValues={initial}>
          <Form.Item
            name="title"
            label={t('rs.f.title')}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Space wrap align="end">
            <Form.Item name="periodFrom" label={t('rs.f.from')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="periodTo" label={t('rs.f.to')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            {editable && (
              <Form.Item>
                <Button icon={<MergeCellsOutlined aria-hidden="true" />} onClick={() => void compile()}>
                  {t('rs.compile')}
                </Button>
              </Form.Item>
            )}
          </Space>
          <Form.Item name="intro" label={t('rs.f.intro')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Typography.Title level={4}>{t('rs.f.items')}</Typography.Title>
          <Table<Row>
            rowKey="solutionId"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: t('rs.items.none') }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('rs.item.need'), dataIndex: 'needTitle' },
              { title: t('rs.item.domain'), width: 120, render: (_v, r) => domains[r.domain] ?? r.domain },
              { title: t('rs.item.poster'), dataIndex: 'posterName' },
              { title: t('rs.item.taker'), dataIndex: 'takerName' },
              { title: t('rs.item.matchedOn'), dataIndex: 'matchedOn', width: 110 },
              {
                title: t('rs.item.summary'),
                width: 280,
                render: (_v, _r, i) => (
                  <Form.Item name={['items', i, 'summary']} noStyle>
                    <Input.TextArea aria-label={t('rs.item.summary')} autoSize maxLength={1000} />
                  </Form.Item>
                ),
              },
              ...(editable
                ? [
                    {
                      title: '',
                      width: 80,
                      render: (_v: unknown, r: Row, i: number) => (
                        <Button
                          size="small"
                          onClick={() => {
                            const items = (form.getFieldValue('items') as Values['items']) ?? [];
                            form.setFieldValue(
                              'items',
                              items.filter((_x, j) => j !== i),
                            );
                            setRows((rs) => rs.filter((x) => x.solutionId !== r.solutionId));
                          }}
                        >
                          {t('rs.remove')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {editable && (
            <Button type="primary" style={{ marginTop: 16 }} loading={busy} onClick={() => void save()}>
              {t('rs.save')}
            </Button>
          )}
        </Form>
      </Card>
    </>
  );
}
