import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { EvidenceUpload } from '../../stations/components/EvidenceUpload';
import { FileCacheProvider } from '../../stations/components/FileCache';
import { takingApi } from '../api';
import type { ThreadMessage } from '../types';

const SIDE_COLOR: Record<ThreadMessage['authorSide'], string> = {
  poster: 'processing',
  taker: 'success',
  office: 'warning',
};

/** The engagement thread of a solution: poster, taker and the municipal office write here. */
export function Thread({ solutionId, canWrite }: { solutionId: number; canWrite: boolean }) {
  const { t } = useI18n();
  const res = useRequest(`tk-thread:${solutionId}`, () => takingApi.messages(solutionId));
  const [items, setItems] = useState<ThreadMessage[] | null>(null);
  const [form] = Form.useForm<{ body: string; attachmentIds?: number[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = items ?? res.data?.items ?? [];
  const send = async ({ body, attachmentIds }: { body: string; attachmentIds?: number[] }) => {
    setBusy(true);
    setError(null);
    try {
      const out = await takingApi.postMessage(solutionId, body, attachmentIds ?? []);
      setItems(out.items);
      form.resetFields();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('tk.thread.title')} style={{ marginBottom: 16 }} data-testid="thread">
      {res.error && <Alert type="error" showIcon title={res.error.message} />}
      <List<ThreadMessage>
        dataSource={list}
        loading={res.loading && !res.data}
        locale={{ emptyText: t('tk.thread.empty') }}
        renderItem={(m) => (
          <List.Item key={m.id}>
            <div style={{ width: '100%' }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
                <Tag color={SIDE_COLOR[m.authorSide]}>{t(`tk.thread.side.${m.authorSide}`)}</Tag>
                <strong>{m.authorName}</strong>
                <span style={{ color: 'var(--text-2)', fontSize: 12 }}>{formatDateTime(m.createdAt)}</span>
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
              {m.attachments.length > 0 && (
                <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>
                  {m.attachments.map((f) => (
                    <li key={f.id}>
                      <a href={takingApi.threadFileUrl(solutionId, f.id)} target="_blank" rel="noreferrer">
                        <PaperClipOutlined aria-hidden /> {f.filename}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </List.Item>
        )}
      />
      {canWrite && (
        <Form form={form} layout="vertical" onFinish={(v) => void send(v)} style={{ marginTop: 12 }}>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="body"
            label={t('tk.thread.body')}
            rules={[{ required: true, whitespace: true, message: t('tk.act.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <FileCacheProvider initial={[]}>
            <Form.Item name="attachmentIds" label={t('tk.thread.attach')}>
              <EvidenceUpload label={t('tk.thread.attach')} />
            </Form.Item>
          </FileCacheProvider>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('tk.thread.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
