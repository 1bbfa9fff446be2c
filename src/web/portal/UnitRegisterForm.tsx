import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { UNIT_TYPES, type UnitType } from '../../shared/roles';
import { authApi, publicApi } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useRequest } from '../lib/useRequest';
import { rulesFor } from '../lib/validators';
import { FormSection } from './AccountFields';
import { RegistrationForm } from './RegistrationForm';

interface UnitValues {
  username: string;
  password: string;
  confirm: string;
  unit: {
    name: string;
    unitType: UnitType;
    creditCode: string;
    registrationDate: string;
    regionId: number;
    contactName: string;
    contactPhone: string;
    contactEmail: string;
  };
}

const DRAFT_KEY = 'bohou.draft.register.unit';

/** 单位注册: the unit's account and profile; a draft (without passwords) survives reloads. */
export function UnitRegisterForm() {
  const { t, lang } = useI18n();
  const r = rulesFor(t);
  const regions = useRequest('districts', () => publicApi.regions({ kind: 'district' }));
  return (
    <RegistrationForm<UnitValues>
      name="reg-unit"
      draftKey={DRAFT_KEY}
      profileTitle={t('reg.section.unit')}
      submitLabel={t('reg.submitUnit')}
      submit={async (v) => {
        await authApi.registerUnit({
          username: v.username.trim(),
          password: v.password,
          unit: { ...v.unit, creditCode: v.unit.creditCode.trim().toUpperCase() },
        });
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reg.unitName')}
            name={['unit', 'name']}
            rules={[r.required(t('reg.unitName'))]}
          >
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reg.unitType')}
            name={['unit', 'unitType']}
            rules={[r.choose(t('reg.unitType'))]}
          >
            <Select
              placeholder={t('reg.select')}
              options={UNIT_TYPES.map((u) => ({ value: u, label: t(`unitType.${u}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reg.creditCode')}
            name={['unit', 'creditCode']}
            extra={t('reg.creditCodeHelp')}
            normalize={(v: unknown) => (typeof v === 'string' ? v.toUpperCase().replace(/\s/g, '') : v)}
            rules={[r.required(t('reg.creditCode')), r.creditCode]}
          >
            <Input maxLength={18} showCount style={{ fontFamily: 'monospace' }} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('reg.registrationDate')}
            name={['unit', 'registrationDate']}
            rules={[r.choose(t('reg.registrationDate'))]}
            getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined })}
            normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              placeholder={t('reg.select')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('reg.region')} name={['unit', 'regionId']} rules={[r.choose(t('reg.region'))]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('reg.regionPlaceholder')}
              loading={regions.loading}
              options={(regions.data ?? []).map((g) => ({
                value: g.id,
                label: lang === 'en' ? g.nameEn : g.name,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <FormSection title={t('reg.section.contact')} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('reg.contactName')}
            name={['unit', 'contactName']}
            rules={[r.required(t('reg.contactName'))]}
          >
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('reg.contactPhone')}
            name={['unit', 'contactPhone']}
            rules={[r.required(t('reg.contactPhone')), r.phone]}
          >
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('reg.contactEmail')}
            name={['unit', 'contactEmail']}
            rules={[r.required(t('reg.contactEmail')), r.email]}
          >
            <Input maxLength={120} autoComplete="email" inputMode="email" />
          </Form.Item>
        </Col>
      </Row>
    </RegistrationForm>
  );
}
