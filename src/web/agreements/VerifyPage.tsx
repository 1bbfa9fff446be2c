import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useDocumentTitle } from '../lib/useTitle';
import { asApiError } from '../lib/useRequest';
import { agreementsApi, type VerifyResult } from './api';

const VERDICT_TYPE = {
  valid: 'success',
  changed: 'error',
  not_filed: 'warning',
  unknown: 'warning',
} as const;

/** 文书验证 (public): upload a filed PDF, or enter its verification code. */
export default function VerifyPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('verify.title'));
  const [result, setResult] = useState<{ by: 'file' | 'code'; r: VerifyResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (by: 'file' | 'code', f: () => Promise<VerifyResult>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult({ by, r: await f() });
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const verdictText = (by: 'file' | 'code', v: VerifyResult['verdict']): string =>
    t((by === 'code' && v === 'valid' ? 'verify.code.valid' : `verify.verdict.${v}`) as MessageKey);
  const r = result?.r;

  return (
    <div className="portal-page" style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={1}>
        <SafetyCertificateOutlined aria-hidden="true" /> {t('verify.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('verify.lead')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('verify.byFile')}>
            <Upload
              accept="application/pdf,.pdf"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                void run('file', () => agreementsApi.verifyFile(file, lang));
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden="true" />} loading={busy} data-testid="verify-upload">
                {t('verify.choose')}
              </Button>
            </Upload>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('verify.byCode')}>
            <Form
              layout="inline"
              onFinish={(v: { code: string }) =>
                void run('code', () => agreementsApi.verifyCode(v.code.trim()))
              }
            >
              <Form.Item name="code" label={t('verify.code')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={32} style={{ width: 200 }} />
              </Form.Item>
              <Button htmlType="submit" loading={busy}>
                {t('verify.check')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
      <div aria-live="polite" style={{ marginTop: 24 }}>
        {error && <Alert type="error" showIcon title={error} />}
        {result && r && (
          <Alert
            type={VERDICT_TYPE[r.verdict]}
            showIcon
            data-testid="verify-verdict"
            data-verdict={r.verdict}
            title={verdictText(result.by, r.verdict)}
            description={
              <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
                {r.document && (
                  <>
                    <Descriptions.Item
                      label={t('verify.number')}
                    >{`${r.document.number} · ${r.document.title}`}</Descriptions.Item>
                    <Descriptions.Item label={t('verify.filingNumber')}>
                      {r.document.filingNumber ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('verify.filedAt')}>
                      {formatDateTime(r.document.filedAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('verify.parties')}>
                      {r.document.parties.map((p) => `${p.roleLabel}：${p.name}`).join('；')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('verify.filedSha')}>
                      <span style={{ wordBreak: 'break-all' }}>{r.document.filedSha256 ?? '—'}</span>
                    </Descriptions.Item>
                  </>
                )}
                {result.by === 'file' && (
                  <>
                    <Descriptions.Item label={t('verify.fileSha')}>
                      <span style={{ wordBreak: 'break-all' }}>{r.sha256}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('verify.signature')}>
                      {!r.signature
                        ? t('verify.signature.none')
                        : r.signature.valid
                          ? t('verify.signature.ok', { signer: r.signature.signer })
                          : t('verify.signature.bad')}
                    </Descriptions.Item>
                  </>
                )}
              </Descriptions>
            }
          />
        )}
      </div>
    </div>
  );
}
