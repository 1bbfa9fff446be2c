import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Empty, Form, Input, Row } from 'antd';
import { useI18n } from '../../i18n';
import { EvidenceField, Section } from './Section';

/** The schema's limit (ApplicationForm: at most 50 co-supervisors). */
const MAX_SUPERVISORS = 50;
const EMPTY_SUPERVISOR = { name: '', title: '', senior: false, fullTime: false, field: '', evidence: [] };

/** 基本条件3: the co-supervisor roster, one card per supervisor with its own evidence. */
export function TeamSection({ flagged }: { flagged: readonly string[] }) {
  const { t } = useI18n();
  return (
    <Section path="basic.team" title="st.sec.basic.team" hint="st.hint.basic.team" flagged={flagged}>
      <Form.List name={['basic', 'team', 'supervisors']}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('st.f.noSupervisors')} />
            )}
            {fields.map((field, i) => {
              const n = i + 1;
              const heading = t('st.f.supervisorN', { n });
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
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'name']} label={t('st.f.supName')}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'title']} label={t('st.f.supTitle')}>
                        <Input maxLength={50} placeholder={t('st.f.supTitlePh')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'field']} label={t('st.f.supField')}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item style={{ marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'senior']} valuePropName="checked" noStyle>
                      <Checkbox>{t('st.f.supSenior')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[field.name, 'fullTime']} valuePropName="checked" noStyle>
                      <Checkbox>{t('st.f.supFullTime')}</Checkbox>
                    </Form.Item>
                  </Form.Item>
                  <EvidenceField name={[field.name, 'evidence']} label="st.f.supEvidence" section={heading} />
                </fieldset>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden="true" />}
              disabled={fields.length >= MAX_SUPERVISORS}
              onClick={() => add(EMPTY_SUPERVISOR)}
            >
              {t('st.f.addSupervisor')}
            </Button>
          </>
        )}
      </Form.List>
    </Section>
  );
}
