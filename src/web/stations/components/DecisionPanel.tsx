import { Alert, App, Button, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { asApiError } from '../../lib/useRequest';
import { applicationsApi } from '../api';
import { FLAGGABLE } from '../sections';
import type { ApplicationDetail, DecisionAction } from '../types';

/** Display order; the server's `actions` decide which of these appear. */
const ORDER: DecisionAction[] = [
  'recommend',
  'return',
  'district_reject',
  'certify',
  'municipal_reject',
  'withdraw',
];
const PRIMARY = new Set<DecisionAction>(['recommend', 'certify']);
const DANGER = new Set<DecisionAction>(['district_reject', 'municipal_reject', 'withdraw']);
/** Actions whose opinion is optional (the server says so too; it refuses a missing required one). */
const OPTIONAL_OPINION = new Set<DecisionAction>(['withdraw']);

interface Values {
  opinion?: string;
  flagged?: string[];
}

/**
 * The decision buttons of an application: exactly the workflow actions the server offers, each asking
 * for its opinion (and, for 退回修改, the sections to correct). A lost race (STATE_CONFLICT) is said
 * plainly, with a reload.
 */
export function DecisionPanel({
  detail,
  onDetail,
  onReload,
  size = 'middle',
}: {
  detail: ApplicationDetail;
  onDetail(d: ApplicationDetail): void;
  onReload(): void;
  size?: 'small' | 'middle';
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<DecisionAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const actions = ORDER.filter((a) => (detail.actions as string[]).includes(a));
  if (actions.length === 0) return null;

  const open = (a: DecisionAction) => {
    form.resetFields();
    setError(null);
    setAction(a);
  };

  const submit = async () => {
    if (!action) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const d = await applicationsApi.act(detail.id, action, {
        opinion: v.opinion?.trim() || undefined,
        flagged: action === 'return' ? (v.flagged ?? []) : undefined,
      });
      void message.success(t('st.done', { action: t(`st.action.${action}`) }));
      setAction(null);
      onDetail(d);
    } catch (err) {
      const e = asApiError(err);
      const conflict = e.code === 'STATE_CONFLICT';
      setError({ text: conflict ? t('st.conflict') : e.message, conflict });
    } finally {
      setBusy(false);
    }
  };

  const opinionLabel = action ? t(`st.opinion.${action}` as MessageKey) : '';
  return (
    <>
      <Space wrap size={8}>
        {actions.map((a) => (
          <Button
            key={a}
            size={size}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            onClick={() => open(a)}
          >
            {t(`st.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`st.action.${action}`) : ''}
        okText={action ? t(`st.action.${action}`) : t('action.confirm')}
        okButtonProps={{ danger: action ? DANGER.has(action) : false }}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setAction(null)}
        mask={{ closable: false }}
        width={action === 'return' ? 640 : 520}
        forceRender
      >
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={error.text}
            action={
              error.conflict ? (
                <Button
                  size="small"
                  onClick={() => {
                    setAction(null);
                    onReload();
                  }}
                >
                  {t('action.refresh')}
                </Button>
              ) : undefined
            }
          />
        )}
        <Form form={form} layout="vertical" name="decision">
          <Form.Item
            name="opinion"
            label={opinionLabel}
            rules={
              action && !OPTIONAL_OPINION.has(action)
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('st.opinion.required', { label: opinionLabel }),
                    },
                  ]
                : []
            }
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          {action === 'return' && (
            <Form.Item name="flagged" label={t('st.flagged')} extra={t('st.flaggedHelp')}>
              <Checkbox.Group className="st-flag-list">
                {FLAGGABLE.map((s) => (
                  <Checkbox key={s.path} value={s.path}>
                    {t(s.title)}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
