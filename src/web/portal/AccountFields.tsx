import { Col, Form, Input, Row } from 'antd';
import { useI18n } from '../i18n';
import { rulesFor } from '../lib/validators';

/** Username, password and confirmation: the same on both registration forms. */
export function AccountFields() {
  const { t } = useI18n();
  const r = rulesFor(t);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('reg.username')}
          name="username"
          extra={t('reg.usernameHelp')}
          rules={[r.required(t('reg.username')), r.username]}
        >
          <Input autoComplete="username" maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} />
      <Col xs={24} md={12}>
        <Form.Item
          label={t('reg.password')}
          name="password"
          extra={t('reg.passwordHelp')}
          rules={[r.required(t('reg.password')), r.password]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('reg.confirm')}
          name="confirm"
          dependencies={['password']}
          rules={[r.required(t('reg.confirm')), r.confirmOf('password')]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function FormSection({ title }: { title: string }) {
  return (
    <h2
      style={{
        fontSize: 15,
        fontWeight: 600,
        margin: '8px 0 12px',
        paddingBottom: 6,
        borderBottom: '1px solid var(--line)',
      }}
    >
      {title}
    </h2>
  );
}
