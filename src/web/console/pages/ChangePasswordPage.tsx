import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi } from '../../api/endpoints';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { rulesFor } from '../../lib/validators';
import { useSession } from '../../session/SessionContext';
import { PageHead } from '../PageHead';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码; also the forced first-login change (the shell sends every page here until it is done). */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const r = rulesFor(t);
  const { message } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forced = session.user?.mustChangePassword ?? false;

  const onFinish = async (v: PasswordValues) => {
    setBusy(true);
    setError(null);
    try {
      const user = await authApi.changePassword(v.currentPassword, v.newPassword);
      session.setUser(user);
      form.resetFields();
      void message.success(t('pw.done'));
      if (forced) navigate('/console', { replace: true });
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHead title={t('pw.title')} />
      <Card style={{ maxWidth: 560 }}>
        {forced && (
          <Alert
            type="warning"
            showIcon
            title={t('pw.forced')}
            description={t('pw.forcedDesc')}
            style={{ marginBottom: 20 }}
            data-testid="forced-password-notice"
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<PasswordValues>
          form={form}
          name="change-password"
          layout="vertical"
          onFinish={(v) => void onFinish(v)}
        >
          <Form.Item
            label={t('pw.current')}
            name="currentPassword"
            extra={forced ? t('pw.currentHelp') : undefined}
            rules={[r.required(t('pw.current'))]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('pw.new')}
            name="newPassword"
            extra={t('reg.passwordHelp')}
            rules={[r.required(t('pw.new')), r.password]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('pw.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[r.required(t('pw.confirm')), r.confirmOf('newPassword')]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('pw.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
