import { Alert, App, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { asApiError, useRequest } from '../../lib/useRequest';
import { challengesApi } from '../api';
import type { ChallengeAction, ChallengeFull, WorkflowTransition } from '../types';

const PRIMARY = new Set<string>(['municipal_approve', 'municipal_publish', 'national_publish']);
const DANGER = new Set<string>(['municipal_reject', 'national_reject']);

/**
 * The reviewer's decision buttons: exactly the workflow actions the server offers for this posting, each
 * asking for an opinion when the transition table requires one (the table is read from the server, so a
 * city with the national level switched off sees 通过并发布 instead of 报部级审核). A lost race is said plainly.
 */
export function DecisionCard({
  detail,
  onDetail,
  onReload,
}: {
  detail: ChallengeFull;
  onDetail(d: ChallengeFull): void;
  onReload(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const workflow = useRequest('challenge-workflow', () => challengesApi.workflow());
  const [form] = Form.useForm<{ opinion?: string }>();
  const [action, setAction] = useState<WorkflowTransition | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const table = workflow.data?.transitions ?? [];
  const offered = table.filter((tr) => (detail.actions as string[]).includes(tr.action));
  const label = (a: ChallengeAction) => t(`cr.action.${a}` as MessageKey);

  const open = (tr: WorkflowTransition) => {
    form.resetFields();
    setError(null);
    setAction(tr);
  };

  const submit = async () => {
    if (!action) return;
    let v: { opinion?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const d = await challengesApi.act(detail.id, action.action, {
        opinion: v.opinion?.trim() || undefined,
      });
      void message.success(t('cr.review.done', { action: label(action.action) }));
      setAction(null);
      onDetail(d);
    } catch (err) {
      const e = asApiError(err);
      const conflict = e.code === 'STATE_CONFLICT';
      setError({ text: conflict ? t('cr.review.conflict') : e.message, conflict });
    } finally {
      setBusy(false);
    }
  };

  const required = action?.opinion === 'required';
  return (
    <Card size="small" title={t('cr.review.decision')} data-testid="decision">
      {detail.lastOpinion && (
        <p className="st-opinion">
          {t('cr.review.lastOpinion')}：{detail.lastOpinion}
        </p>
      )}
      {workflow.data && !workflow.data.nationalReview && (
        <p style={{ marginTop: 0 }}>{t('cr.review.nationalOff')}</p>
      )}
      {workflow.error && <Alert type="error" showIcon title={workflow.error.message} />}
      {offered.length > 0 ? (
        <Space wrap size={8}>
          {offered.map((tr) => (
            <Button
              key={tr.action}
              type={PRIMARY.has(tr.action) ? 'primary' : 'default'}
              danger={DANGER.has(tr.action)}
              onClick={() => open(tr)}
            >
              {label(tr.action)}
            </Button>
          ))}
        </Space>
      ) : (
        workflow.data && <span className="st-empty">{t('cr.review.noActions')}</span>
      )}
      <Modal
        open={action !== null}
        title={action ? label(action.action) : ''}
        okText={action ? label(action.action) : t('action.confirm')}
        okButtonProps={{ danger: action ? DANGER.has(action.action) : false }}
        cancelText={t('action.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setAction(null)}
        mask={{ closable: false }}
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
        <Form form={form} layout="vertical" name="challenge-decision">
          <Form.Item
            name="opinion"
            label={t(required ? 'cr.review.opinion' : 'cr.review.opinionOptional')}
            rules={
              required ? [{ required: true, whitespace: true, message: t('cr.review.opinionRequired') }] : []
            }
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
