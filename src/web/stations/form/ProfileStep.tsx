import { Col, Descriptions, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useI18n } from '../../i18n';
import type { ApplicationDetail } from '../types';
import { Section } from './Section';

export const OPERATING_STATUSES = ['good', 'normal', 'difficult'] as const;

/** ① 单位基本情况: the registered unit (read only) and its profile. */
export function ProfileStep({ detail, flagged }: { detail: ApplicationDetail; flagged: readonly string[] }) {
  const { t } = useI18n();
  return (
    <Section path="profile" title="st.sec.profile" flagged={flagged}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        bordered
        style={{ marginBottom: 20 }}
        items={[
          { key: 'name', label: t('st.f.unitName'), children: detail.unit.name },
          {
            key: 'code',
            label: t('st.f.creditCode'),
            children: <span className="mono">{detail.unit.creditCode}</span>,
          },
          { key: 'type', label: t('st.f.unitType'), children: t(`unitType.${detail.unit.unitType}`) },
          { key: 'region', label: t('st.f.region'), children: detail.region.name },
        ]}
      />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name={['profile', 'legalPerson']} label={t('st.f.legalPerson')}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['profile', 'operatingStatus']} label={t('st.f.operatingStatus')}>
            <Radio.Group options={OPERATING_STATUSES.map((s) => ({ value: s, label: t(`st.op.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['profile', 'staffCount']} label={t('st.f.staffCount')}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['profile', 'revenue']} label={t('st.f.revenue')}>
            <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['profile', 'rdSpending']} label={t('st.f.rdSpending')}>
            <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
