import { Checkbox, Col, Form, Input, InputNumber, Row } from 'antd';
import { useI18n } from '../../i18n';
import { EvidenceField, Section } from './Section';
import { PlanSection } from './PlanSection';
import { TeamSection } from './TeamSection';

const { TextArea } = Input;

/** ② 基本条件 1–6, each a section with its fields and evidence. */
export function BasicStep({ flagged }: { flagged: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      <Section path="basic.legal" title="st.sec.basic.legal" hint="st.hint.basic.legal" flagged={flagged}>
        <Form.Item name={['basic', 'legal', 'statement']} label={t('st.f.statement')}>
          <TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <EvidenceField name={['basic', 'legal', 'evidence']} section={t('st.sec.basic.legal')} />
      </Section>

      <Section
        path="basic.rdInstitution"
        title="st.sec.basic.rdInstitution"
        hint="st.hint.basic.rdInstitution"
        flagged={flagged}
      >
        <Row gutter={24}>
          <Col xs={24} md={16}>
            <Form.Item name={['basic', 'rdInstitution', 'name']} label={t('st.f.rdName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['basic', 'rdInstitution', 'staff']} label={t('st.f.rdStaff')}>
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['basic', 'rdInstitution', 'description']} label={t('st.f.rdDescription')}>
          <TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <EvidenceField
          name={['basic', 'rdInstitution', 'evidence']}
          section={t('st.sec.basic.rdInstitution')}
        />
      </Section>

      <TeamSection flagged={flagged} />

      <Section
        path="basic.conditions"
        title="st.sec.basic.conditions"
        hint="st.hint.basic.conditions"
        flagged={flagged}
      >
        <Form.Item name={['basic', 'conditions', 'payNotLower']} valuePropName="checked">
          <Checkbox>{t('st.f.payNotLower')}</Checkbox>
        </Form.Item>
        <Form.Item name={['basic', 'conditions', 'annualPay']} label={t('st.f.annualPay')}>
          <InputNumber min={0} max={100_000_000} precision={2} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name={['basic', 'conditions', 'description']} label={t('st.f.conditionsDescription')}>
          <TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <EvidenceField name={['basic', 'conditions', 'evidence']} section={t('st.sec.basic.conditions')} />
      </Section>

      <PlanSection flagged={flagged} />

      <Section
        path="basic.management"
        title="st.sec.basic.management"
        hint="st.hint.basic.management"
        flagged={flagged}
      >
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item name={['basic', 'management', 'staffName']} label={t('st.f.staffName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['basic', 'management', 'staffPhone']} label={t('st.f.staffPhone')}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <EvidenceField
          name={['basic', 'management', 'evidence']}
          label="st.f.rulesEvidence"
          section={t('st.sec.basic.management')}
        />
      </Section>
    </>
  );
}
