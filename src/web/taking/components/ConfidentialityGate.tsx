import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Spin } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { asApiError, useRequest } from '../../lib/useRequest';
import { takingApi } from '../api';

/**
 * The 保密书 of one side for one need: its text, a checkbox and 接受保密书. The server files the version,
 * its hash, the time and the IP; `onAccepted` then reloads whatever the gate opens.
 */
export function ConfidentialityGate({
  challengeId,
  side,
  onAccepted,
}: {
  challengeId: number;
  side: 'taker' | 'poster';
  onAccepted: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const letter = useRequest(`tk-letter:${side}`, () => takingApi.letter(side));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = async () => {
    if (!letter.data) return;
    setBusy(true);
    setError(null);
    try {
      await takingApi.accept(challengeId, side, letter.data.version);
      void message.success(t('tk.conf.accepted'));
      onAccepted();
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <LockOutlined aria-hidden="true" /> {t('tk.conf.title')}
        </span>
      }
      data-testid={`confidentiality-${side}`}
    >
      <p style={{ marginTop: 0 }}>{t(side === 'taker' ? 'tk.conf.takerNote' : 'tk.conf.posterNote')}</p>
      {letter.error && <Alert type="error" showIcon title={letter.error.message} />}
      {!letter.data ? (
        !letter.error && <Spin />
      ) : (
        <>
          <h3 style={{ fontSize: 16 }}>{letter.data.title}</h3>
          <div
            tabIndex={0}
            role="document"
            aria-label={letter.data.title}
            style={{
              whiteSpace: 'pre-wrap',
              maxHeight: 240,
              overflow: 'auto',
              padding: 12,
              border: '1px solid var(--border, #d9d9d9)',
              borderRadius: 6,
              marginBottom: 12,
            }}
          >
            {letter.data.text}
          </div>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
            {t('tk.conf.check')}
          </Checkbox>
          <div style={{ marginTop: 12 }}>
            <Button type="primary" disabled={!checked} loading={busy} onClick={() => void accept()}>
              {t('tk.conf.accept')}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}
