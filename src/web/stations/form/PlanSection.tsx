import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Form, Input, InputNumber, Row, Select } from 'antd';
import { DOMAINS } from '../../../shared/roles';
import { useI18n } from '../../i18n';
import { EvidenceField, Section } from './Section';

/** The schema's limit (ApplicationForm: at most 20 projects). */
const MAX_PROJECTS = 20;
const EMPTY_PROJECT = { title: '', summary: '', domain: null };

/** 基本条件5: places per year, the research projects (a list) and the cooperating mobile station. */
export function PlanSection({ flagged }: { flagged: readonly string[] }) {
  const { t } = useI18n();
  return (
    <Section path="basic.plan" title="st.sec.basic.plan" hint="st.hint.basic.plan" flagged={flagged}>
      <Form.Item name={['basic', 'plan', 'placesPerYear']} label={t('st.f.placesPerYear')}>
        <InputNumber min={0} max={100} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <h4 className="st-subtitle">{t('st.f.projects')}</h4>
      <Form.List name={['basic', 'plan', 'projects']}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('st.f.noProjects')} />
            )}
            {fields.map((field, i) => {
              const heading = t('st.f.projectN', { n: i + 1 });
              return (
                <fieldset key={field.key} className="st-row">
                  <legend className="st-row__legend">
                    {heading}
                    <Button
                      type="link"
                      danger
                      size="small"
                      icon={<DeleteOutlined aria-hidden="true" />}
                      onClick={() => remove(field.name)}
                      aria-label={`${t('st.remove')}${heading}`}
                    >
                      {t('st.remove')}
                    </Button>
                  </legend>
                  <Row gutter={16}>
                    <Col xs={24} md={14}>
                      <Form.Item name={[field.name, 'title']} label={t('st.f.projTitle')}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name={[field.name, 'domain']} label={t('st.f.projDomain')}>
                        <Select
                          allowClear
                          placeholder={t('reg.select')}
                          options={DOMAINS.map((d) => ({ value: d, label: t(`st.domain.${d}`) }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[field.name, 'summary']} label={t('st.f.projSummary')}>
                    <Input.TextArea rows={2} maxLength={2000} showCount />
                  </Form.Item>
                </fieldset>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden="true" />}
              disabled={fields.length >= MAX_PROJECTS}
              onClick={() => add(EMPTY_PROJECT)}
              style={{ marginBottom: 16 }}
            >
              {t('st.f.addProject')}
            </Button>
          </>
        )}
      </Form.List>
      <h4 className="st-subtitle">{t('st.f.mobileStation')}</h4>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name={['basic', 'plan', 'mobileStation', 'university']} label={t('st.f.university')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['basic', 'plan', 'mobileStation', 'discipline']} label={t('st.f.discipline')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <EvidenceField
        name={['basic', 'plan', 'mobileStation', 'evidence']}
        label="st.f.mobileEvidence"
        section={t('st.sec.basic.plan')}
      />
    </Section>
  );
}
