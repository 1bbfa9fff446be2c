import { Alert, App, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { settingsApi } from '../../api/endpoints';
import type { SecuritySettings } from '../../api/types';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { PageHead } from '../PageHead';

/** 安全设置 (security admin): session timeout and lockout policy. */
export default function SecuritySettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<SecuritySettings>();
  const current = useRequest('security', () => settingsApi.security());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = user?.role === 'sec_admin';

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data);
  }, [current.data, form]);

  const onFinish = async (v: SecuritySettings) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await settingsApi.saveSecurity(v);
      form.setFieldsValue(saved);
      void message.success(t('sec.saved'));
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const num = (min: number, max: number) => ({
    required: true,
    type: 'integer' as const,
    min,
    max,
    message: `${min}–${max}`,
  });

  return (
    <>
      <PageHead title={t('sec.title')} lead={t('sec.lead')} />
      <Card style={{ maxWidth: 640 }}>
        {!editable && <Alert type="info" showIcon title={t('sec.readOnly')} style={{ marginBottom: 16 }} />}
        {current.error && (
          <Alert type="error" showIcon title={current.error.message} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {current.loading && !current.data ? (
          <Skeleton active />
        ) : (
          <Form<SecuritySettings>
            form={form}
            name="security"
            layout="vertical"
            disabled={!editable}
            onFinish={(v) => void onFinish(v)}
          >
            <Form.Item
              label={t('sec.sessionIdleMinutes')}
              name="sessionIdleMinutes"
              extra={t('sec.sessionIdleHelp')}
              rules={[num(5, 480)]}
            >
              <InputNumber min={5} max={480} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              label={t('sec.maxFailedLogins')}
              name="maxFailedLogins"
              extra={t('sec.maxFailedHelp')}
              rules={[num(3, 10)]}
            >
              <InputNumber min={3} max={10} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              label={t('sec.lockoutMinutes')}
              name="lockoutMinutes"
              extra={t('sec.lockoutHelp')}
              rules={[num(5, 1440)]}
            >
              <InputNumber min={5} max={1440} precision={0} style={{ width: 200 }} />
            </Form.Item>
            {editable && (
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('action.save')}
              </Button>
            )}
          </Form>
        )}
      </Card>
    </>
  );
}
