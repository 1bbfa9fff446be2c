import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { asApiError } from '../../lib/useRequest';
import { takingApi } from '../api';
import { ENGAGEMENT_ACTIONS, type EngagementAction, type SolutionView } from '../types';

/** Actions that need a reason (the transition table's `opinion: 'required'`). */
const NEEDS_REASON: ReadonlySet<EngagementAction> = new Set(['reject', 'decline_match']);

/**
 * The decision buttons of a solution, exactly those the server lists in `actions`: the poster shortlists,
 * rejects (with a reason) or proposes the match; the taker confirms or declines it (with a reason).
 */
export function DecisionPanel({
  solution,
  onChanged,
}: {
  solution: SolutionView;
  onChanged: (s: SolutionView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<EngagementAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ opinion: string }>();
  const actions = ENGAGEMENT_ACTIONS.filter((a) => solution.actions.includes(a));
  if (actions.length === 0) return null;

  const run = async (action: EngagementAction, opinion?: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await takingApi.engage(solution.id, action, opinion);
      void message.success(t('tk.act.done'));
      setAsking(null);
      form.resetFields();
      onChanged(next);
    } catch (err) {
      if (NEEDS_REASON.has(action)) setError(applyServerErrors(form, err));
      else void message.error(asApiError(err).message, 6);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap data-testid="decision-actions">
        {actions.map((a) =>
          NEEDS_REASON.has(a) ? (
            <Button key={a} danger onClick={() => setAsking(a)}>
              {t(`tk.act.${a}`)}
            </Button>
          ) : (
            <Popconfirm
              key={a}
              title={t('tk.act.confirmText', { action: t(`tk.act.${a}`) })}
              onConfirm={() => void run(a)}
              okText={t(`tk.act.${a}`)}
            >
              <Button type={a === 'shortlist' ? 'default' : 'primary'} disabled={busy}>
                {t(`tk.act.${a}`)}
              </Button>
            </Popconfirm>
          ),
        )}
      </Space>
      {asking && (
        <Modal
          open
          title={t(`tk.act.${asking}`)}
          okText={t(`tk.act.${asking}`)}
          okButtonProps={{ danger: true, loading: busy }}
          onOk={() => form.submit()}
          onCancel={() => {
            setAsking(null);
            setError(null);
          }}
          destroyOnHidden
        >
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" onFinish={(v) => void run(asking, v.opinion)}>
            <Form.Item
              name="opinion"
              label={t('tk.act.reason')}
              rules={[{ required: true, whitespace: true, message: t('tk.act.reasonRequired') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
