import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n';

export interface ShownPassword {
  username: string;
  password: string;
  kind: 'created' | 'reset';
}

/**
 * Shows a new initial password exactly once. It is never stored by the client; closing the dialog
 * discards it.
 */
export function InitialPasswordModal({ shown, onClose }: { shown: ShownPassword | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={t('acc.pw.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('acc.pw.ack')}
        </Button>
      }
    >
      {shown && (
        <>
          <p>
            {shown.kind === 'created'
              ? t('acc.pw.created', { username: shown.username })
              : t('acc.pw.reset', { username: shown.username })}
          </p>
          <Alert type="warning" showIcon title={t('acc.pw.once')} style={{ marginBottom: 16 }} />
          <div
            style={{
              background: '#f7f8fa',
              border: '1px dashed var(--line)',
              borderRadius: 6,
              padding: '14px 16px',
              textAlign: 'center',
            }}
          >
            <Typography.Paragraph
              copyable={{ text: shown.password, tooltips: [t('action.copy'), t('action.copied')] }}
              style={{
                margin: 0,
                fontSize: 22,
                fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
                letterSpacing: 1,
              }}
              data-testid="initial-password"
            >
              {shown.password}
            </Typography.Paragraph>
          </div>
        </>
      )}
    </Modal>
  );
}
