import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { DEGREES, POSTDOC_STATUSES, type Degree, type PostdocStatus } from '../../shared/roles';
import { authApi } from '../api/endpoints';
import { useI18n } from '../i18n';
import { rulesFor } from '../lib/validators';
import { RegistrationForm } from './RegistrationForm';

interface IndividualValues {
  username: string;
  password: string;
  confirm: string;
  person: {
    name: string;
    degree: Degree;
    postdocStatus: PostdocStatus;
    field: string;
    institution: string;
    email: string;
    phone: string;
  };
}

const DRAFT_KEY = 'bohou.draft.register.individual';

/** 个人注册: a PhD or postdoc; a draft (without passwords) survives reloads. */
export function IndividualRegisterForm() {
  const { t } = useI18n();
  const r = rulesFor(t);
  return (
    <RegistrationForm<IndividualValues>
      name="reg-person"
      draftKey={DRAFT_KEY}
      profileTitle={t('reg.section.person')}
      submitLabel={t('reg.submitIndividual')}
      submit={async (v) => {
        await authApi.registerIndividual({
          username: v.username.trim(),
          password: v.password,
          person: v.person,
        });
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('reg.name')} name={['person', 'name']} rules={[r.required(t('reg.name'))]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('reg.degree')} name={['person', 'degree']} rules={[r.choose(t('reg.degree'))]}>
            <Select
              placeholder={t('reg.select')}
              options={DEGREES.map((d) => ({ value: d, label: t(`degree.${d}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('reg.postdocStatus')}
            name={['person', 'postdocStatus']}
            rules={[r.choose(t('reg.postdocStatus'))]}
          >
            <Radio.Group
              aria-label={t('reg.postdocStatus')}
              options={POSTDOC_STATUSES.map((s) => ({ value: s, label: t(`postdoc.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('reg.field')} name={['person', 'field']} rules={[r.required(t('reg.field'))]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reg.institution')}
            name={['person', 'institution']}
            rules={[r.required(t('reg.institution'))]}
          >
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reg.email')}
            name={['person', 'email']}
            rules={[r.required(t('reg.email')), r.email]}
          >
            <Input maxLength={120} autoComplete="email" inputMode="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reg.phone')}
            name={['person', 'phone']}
            rules={[r.required(t('reg.phone')), r.phone]}
          >
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </RegistrationForm>
  );
}
