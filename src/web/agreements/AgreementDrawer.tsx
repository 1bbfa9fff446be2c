import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { applyServerErrors } from '../lib/formErrors';
import { asApiError, useRequest } from '../lib/useRequest';
import { agreementsApi, type Agreement, type AgreementParty } from './api';
import { eventKey, partyKey, stateColor, stateKey } from './labels';

/** One agreement: text, parties in order, the signature record, and the caller's actions. */
export function AgreementDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: number | null;
  onClose(): void;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const req = useRequest(id === null ? null : `agreement:${id}`, () => agreementsApi.get(id!));
  const a = id !== null ? req.data : undefined;
  const [dialog, setDialog] = useState<'sign' | 'decline' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password?: string; reason?: string }>();

  const done = (msg: string) => {
    void message.success(msg);
    setDialog(null);
    form.resetFields();
    req.reload();
    onChanged();
  };
  const submit = async () => {
    if (!a || !dialog) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (dialog === 'sign') await agreementsApi.sign(a.id, v.password ?? '', a.documentSha256);
      else if (dialog === 'decline') await agreementsApi.decline(a.id, v.reason ?? '');
      else await agreementsApi.cancel(a.id, v.reason ?? '');
      done(t(dialog === 'sign' ? 'agr.sign.ok' : dialog === 'decline' ? 'agr.decline.ok' : 'agr.cancel.ok'));
    } catch (err) {
      void message.error(applyServerErrors(form, asApiError(err)), 6);
    } finally {
      setBusy(false);
    }
  };
  const file = (x: Agreement) =>
    modal.confirm({
      title: t('agr.action.file'),
      content: t('agr.file.confirm'),
      onOk: async () => {
        try {
          const res = await agreementsApi.file(x.id);
          done(t('agr.file.ok', { number: res.filingNumber ?? '' }));
        } catch (err) {
          void message.error(asApiError(err).message, 6);
        }
      },
    });

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={a ? `${a.title} · ${a.number}` : ''}
      destroyOnHidden
    >
      {req.error && <Alert type="error" showIcon title={req.error.message} />}
      {a && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={stateColor(a.state)} data-testid="agreement-state">
              {t(stateKey(a.state))}
            </Tag>
            {a.actions.includes('sign') && (
              <Button type="primary" onClick={() => setDialog('sign')}>
                {t('agr.action.sign')}
              </Button>
            )}
            {a.actions.includes('decline') && (
              <Button onClick={() => setDialog('decline')}>{t('agr.action.decline')}</Button>
            )}
            {a.actions.includes('file') && (
              <Button type="primary" onClick={() => file(a)}>
                {t('agr.action.file')}
              </Button>
            )}
            {a.actions.includes('cancel') && (
              <Button danger onClick={() => setDialog('cancel')}>
                {t('agr.action.cancel')}
              </Button>
            )}
            {a.actions.includes('download') && (
              <Button
                href={agreementsApi.pdfUrl(a.id)}
                icon={<DownloadOutlined aria-hidden="true" />}
                download
              >
                {t('agr.action.download')}
              </Button>
            )}
          </Space>
          {a.closedReason && (
            <Alert type="warning" showIcon title={t('agr.detail.reason', { reason: a.closedReason })} />
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('agr.col.number')}>{a.number}</Descriptions.Item>
            <Descriptions.Item
              label={t('agr.detail.template')}
            >{`${a.templateKey} v${a.templateVersion}`}</Descriptions.Item>
            <Descriptions.Item label={t('agr.detail.code')}>
              <Typography.Text code data-testid="verification-code">
                {a.verificationCode}
              </Typography.Text>
            </Descriptions.Item>
            {a.filingNumber && (
              <Descriptions.Item label={t('agr.col.filingNumber')}>
                <span data-testid="filing-number">{a.filingNumber}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('agr.detail.docHash')}>
              <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {a.documentSha256}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('agr.detail.parties')}</Typography.Title>
            <Table<AgreementParty>
              rowKey={(p) => `${p.order}-${p.roleLabel}`}
              size="small"
              pagination={false}
              dataSource={a.parties}
              columns={[
                { title: t('agr.detail.order'), dataIndex: 'order', width: 60 },
                { title: t('agr.detail.role'), dataIndex: 'roleLabel', width: 90 },
                {
                  title: t('agr.detail.name'),
                  dataIndex: 'name',
                  render: (n: string, p) => (p.isMe ? `${n} ${t('agr.detail.me')}` : n),
                },
                {
                  title: t('agr.col.state'),
                  dataIndex: 'state',
                  width: 90,
                  render: (s: string) => t(partyKey(s)),
                },
                {
                  title: t('agr.detail.signedAt'),
                  dataIndex: 'signedAt',
                  width: 150,
                  render: formatDateTime,
                },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('agr.detail.body')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.bodyText}</Typography.Paragraph>
          </div>
          <div>
            <Typography.Title level={5}>{t('agr.detail.events')}</Typography.Title>
            <Table
              rowKey={(e) => `${e.at}-${e.action}-${e.actorName}`}
              size="small"
              pagination={false}
              dataSource={a.events}
              columns={[
                { title: t('agr.detail.signedAt'), dataIndex: 'at', width: 150, render: formatDateTime },
                { title: t('agr.col.state'), dataIndex: 'action', render: (x: string) => t(eventKey(x)) },
                { title: t('agr.detail.role'), dataIndex: 'roleLabel' },
                { title: 'IP', dataIndex: 'ip' },
              ]}
            />
          </div>
        </Space>
      )}
      <Modal
        open={dialog !== null}
        title={t(
          dialog === 'sign'
            ? 'agr.sign.title'
            : dialog === 'decline'
              ? 'agr.decline.title'
              : 'agr.cancel.title',
        )}
        okText={t(
          dialog === 'sign'
            ? 'agr.action.sign'
            : dialog === 'decline'
              ? 'agr.action.decline'
              : 'agr.action.cancel',
        )}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => {
          setDialog(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'sign' ? (
            <>
              <p>{t('agr.sign.intro')}</p>
              <Form.Item
                name="password"
                label={t('agr.sign.password')}
                rules={[{ required: true, message: t('agr.sign.password') }]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="reason"
              label={t(dialog === 'decline' ? 'agr.decline.reason' : 'agr.cancel.reason')}
              rules={[{ required: true, whitespace: true, message: t('agr.decline.reason') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
