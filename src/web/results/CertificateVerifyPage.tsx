import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { asApiError } from '../lib/useRequest';
import { useDocumentTitle } from '../lib/useTitle';
import { resultsApi, type CertificateCheck } from './api';

/** 证明验证 (public): a certificate of participation or of a match, by its verification code. */
export default function CertificateVerifyPage() {
  const { t } = useI18n();
  useDocumentTitle(t('cert.verify.title'));
  const [result, setResult] = useState<CertificateCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async (code: string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await resultsApi.verify(code.trim()));
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const c = result?.certificate;
  return (
    <div className="portal-page" style={{ maxWidth: 760, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={1}>
        <SafetyCertificateOutlined aria-hidden="true" /> {t('cert.verify.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('cert.verify.lead')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" onFinish={(v: { code: string }) => void check(v.code)}>
          <Form.Item name="code" label={t('cert.verify.code')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={32} style={{ width: 220 }} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('cert.verify.check')}
          </Button>
        </Form>
      </Card>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type={result.verdict === 'valid' ? 'success' : 'warning'}
          showIcon
          title={t(result.verdict === 'valid' ? 'cert.verify.valid' : 'cert.verify.unknown')}
        />
      )}
      {c && (
        <Descriptions style={{ marginTop: 16 }} bordered column={1} size="small" title={c.title}>
          <Descriptions.Item label={t('cert.verify.number')}>{c.number}</Descriptions.Item>
          <Descriptions.Item label={t('cert.verify.holder')}>{c.holderName}</Descriptions.Item>
          <Descriptions.Item label={t('cert.verify.subject')}>{c.subjectTitle}</Descriptions.Item>
          <Descriptions.Item label={t('cert.verify.date')}>{c.subjectDate}</Descriptions.Item>
          <Descriptions.Item label={t('cert.verify.issued')}>{formatDateTime(c.issuedAt)}</Descriptions.Item>
        </Descriptions>
      )}
    </div>
  );
}
