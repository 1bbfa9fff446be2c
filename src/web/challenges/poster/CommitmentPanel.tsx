import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Spin } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { challengesApi } from '../api';
import type { ChallengeFull, ChallengeKind, CommitmentLetter } from '../types';

/** True when the posting carries an acceptance of the letter now in force. */
export function commitmentCurrent(c: ChallengeFull | null): boolean {
  return !!c?.commitment && c.commitment.version === c.commitmentCurrent;
}

/**
 * The last part of the form: the kind's 承诺书 to read, “我已阅读并承诺” and 签署 (filed with the posting),
 * then 提交审核 — offered only once the letter now in force is accepted and the server offers `submit`.
 */
export function CommitmentPanel({
  kind,
  challenge,
  onAccept,
  onSubmit,
}: {
  kind: ChallengeKind;
  challenge: ChallengeFull | null;
  onAccept: (letter: CommitmentLetter) => Promise<void>;
  onSubmit: () => Promise<void>;
}) {
  const { t } = useI18n();
  const letter = useRequest(`commitment:${kind}`, () => challengesApi.commitment(kind));
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState<'accept' | 'submit' | null>(null);
  const accepted = commitmentCurrent(challenge);
  const canSubmit = accepted && !!challenge?.actions.includes('submit');

  const run = async (what: 'accept' | 'submit', f: () => Promise<void>) => {
    setBusy(what);
    try {
      await f();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="chp-commit-title" style={{ marginBottom: 16 }}>
      <Card
        size="small"
        title={
          <h2 id="chp-commit-title" style={{ fontSize: 16, margin: 0 }}>
            {t('chp.edit.submitTitle')}
          </h2>
        }
      >
        {letter.error && <Alert type="error" showIcon title={letter.error.message} />}
        {!letter.data ? (
          !letter.error && <Spin />
        ) : (
          <>
            <h3 style={{ textAlign: 'center', fontSize: 16 }}>{letter.data.title}</h3>
            <div
              data-testid="commitment-text"
              tabIndex={0}
              style={{
                whiteSpace: 'pre-wrap',
                maxHeight: 240,
                overflow: 'auto',
                padding: 12,
                border: '1px solid var(--line)',
                marginBottom: 12,
                lineHeight: 1.8,
              }}
            >
              {letter.data.text}
            </div>
            {accepted ? (
              <Alert
                type="success"
                showIcon
                icon={<CheckCircleOutlined aria-hidden="true" />}
                data-testid="commitment-accepted"
                title={t('chp.edit.commitmentAccepted', {
                  time: formatDateTime(challenge?.commitment?.acceptedAt),
                })}
                style={{ marginBottom: 12 }}
              />
            ) : (
              <Space wrap style={{ marginBottom: 12 }}>
                <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)}>
                  {t('chp.edit.commitmentAgree')}
                </Checkbox>
                <Button
                  disabled={!agreed}
                  loading={busy === 'accept'}
                  onClick={() => {
                    const l = letter.data;
                    if (l) void run('accept', () => onAccept(l));
                  }}
                >
                  {t('chp.edit.commitmentAccept')}
                </Button>
              </Space>
            )}
          </>
        )}
        {!accepted && <p style={{ color: 'var(--text-2)' }}>{t('chp.edit.commitmentNeeded')}</p>}
        <Button
          type="primary"
          icon={<SendOutlined aria-hidden="true" />}
          disabled={!canSubmit}
          loading={busy === 'submit'}
          onClick={() => void run('submit', onSubmit)}
        >
          {t('chp.edit.submit')}
        </Button>
      </Card>
    </section>
  );
}
