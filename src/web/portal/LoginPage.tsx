import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { authApi } from '../api/endpoints';
import { useI18n, type MessageKey } from '../i18n';
import { applyServerErrors } from '../lib/formErrors';
import { readLoginState, type LoginNotice } from '../lib/navigation';
import { useDocumentTitle } from '../lib/useTitle';
import { useSession } from '../session/SessionContext';

interface LoginValues {
  username: string;
  password: string;
}

const NOTICE: Record<LoginNotice, { key: MessageKey; type: 'info' | 'success' | 'warning' }> = {
  expired: { key: 'notice.expired', type: 'warning' },
  loginRequired: { key: 'notice.loginRequired', type: 'info' },
  registered: { key: 'notice.registered', type: 'success' },
  loggedOut: { key: 'notice.loggedOut', type: 'success' },
  passwordChanged: { key: 'notice.passwordChanged', type: 'success' },
};

export default function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t('login.title'));
  const [form] = Form.useForm<LoginValues>();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const state = readLoginState(location.state);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session.user && !busy) return <Navigate to="/console" replace />;

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const user = await authApi.login(values.username.trim(), values.password);
      session.setUser(user);
      navigate(user.mustChangePassword ? '/console/password' : (state.from ?? '/console'), { replace: true });
    } catch (err) {
      setError(applyServerErrors(form, err));
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };

  const notice = state.notice ? NOTICE[state.notice] : null;
  return (
    <div className="portal-page">
      <div className="auth-wrap">
        <Card>
          <h1 className="page-title" style={{ textAlign: 'center' }}>
            {t('login.title')}
          </h1>
          <p className="page-lead" style={{ textAlign: 'center' }}>
            {t('login.lead')}
          </p>
          {notice && !error && (
            <Alert
              type={notice.type}
              showIcon
              title={t(notice.key)}
              style={{ marginBottom: 16 }}
              role="status"
            />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form<LoginValues>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            initialValues={{ username: state.username ?? '' }}
            onFinish={(v) => void onFinish(v)}
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('val.required', { label: t('login.username') }),
                },
              ]}
            >
              <Input
                prefix={<UserOutlined aria-hidden="true" />}
                autoComplete="username"
                size="large"
                autoFocus={!state.username}
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('val.required', { label: t('login.password') }) }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden="true" />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <p style={{ marginTop: 16, textAlign: 'center' }}>
            {t('login.noAccount')} <Link to="/register">{t('login.toRegister')}</Link>
          </p>
          <p style={{ margin: 0, color: 'var(--text-2)', fontSize: 13 }}>{t('login.staffNote')}</p>
        </Card>
      </div>
    </div>
  );
}
