import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { asApiError } from '../../lib/useRequest';
import { challengesApi } from '../api';
import type { ChallengeAction, ChallengeFull } from '../types';

/** The poster's own workflow actions besides submitting (which the form's last section does). */
const POSTER_ACTIONS: Array<{
  action: ChallengeAction;
  label: MessageKey;
  confirm: MessageKey;
  danger: boolean;
}> = [
  { action: 'withdraw', label: 'chp.act.withdraw', confirm: 'chp.act.confirmWithdraw', danger: true },
  { action: 'close', label: 'chp.act.close', confirm: 'chp.act.confirmClose', danger: false },
];

/**
 * Buttons for what the server lists in `actions` (撤回, 关闭需求), each asking for confirmation and an
 * optional reason; the server's answer replaces the posting.
 */
export function PosterActions({
  challenge: c,
  onChanged,
  before,
}: {
  challenge: ChallengeFull;
  onChanged: (c: ChallengeFull) => void;
  /** Runs first (e.g. saves pending edits); resolving false stops the action. */
  before?: () => Promise<boolean>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<(typeof POSTER_ACTIONS)[number] | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offered = POSTER_ACTIONS.filter((a) => c.actions.includes(a.action));
  if (offered.length === 0) return null;

  const run = async () => {
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      if (before && !(await before())) return;
      const next = await challengesApi.act(
        c.id,
        open.action,
        reason.trim() ? { opinion: reason.trim() } : {},
      );
      setOpen(null);
      setReason('');
      void message.success(t('chp.act.done'));
      onChanged(next);
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap>
        {offered.map((a) => (
          <Button key={a.action} danger={a.danger} onClick={() => setOpen(a)}>
            {t(a.label)}
          </Button>
        ))}
      </Space>
      {open && (
        <Modal
          open
          title={t(open.label)}
          okText={t(open.label)}
          okButtonProps={{ danger: open.danger, loading: busy }}
          cancelText={t('action.cancel')}
          onOk={() => void run()}
          onCancel={() => {
            setOpen(null);
            setError(null);
          }}
        >
          <p>{t(open.confirm)}</p>
          <Form layout="vertical">
            <Form.Item label={t('chp.act.reason')} htmlFor="chp-action-reason">
              <Input.TextArea
                id="chp-action-reason"
                value={reason}
                maxLength={2000}
                autoSize={{ minRows: 2, maxRows: 6 }}
                onChange={(e) => setReason(e.target.value)}
              />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon role="alert" title={error} />}
        </Modal>
      )}
    </>
  );
}
