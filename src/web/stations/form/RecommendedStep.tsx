import { Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { STRATEGIES } from '../../../shared/stations/form';
import { useI18n, type MessageKey } from '../../i18n';
import { sectionDomId } from '../sections';
import { EvidenceField, Section } from './Section';

type Claim = 'platform' | 'industry' | 'strategy' | 'littleGiant' | 'candidate';
const LEVELS = ['national', 'municipal'] as const;

/** One recommended condition: its checkbox is the heading; ticking it reveals its fields and evidence. */
function Condition({ k, flagged, children }: { k: Claim; flagged: readonly string[]; children: ReactNode }) {
  const { t } = useI18n();
  const path = `recommended.${k}`;
  const title = `st.sec.${path}` as MessageKey;
  const claimed = Form.useWatch(['recommended', k, 'claimed']) === true;
  return (
    <Section
      path={path}
      title={title}
      hint={`st.hint.${path}` as MessageKey}
      flagged={flagged}
      heading={
        <Form.Item name={['recommended', k, 'claimed']} valuePropName="checked" noStyle>
          <Checkbox className="st-claim">
            <span id={`${sectionDomId(path)}-title`}>{t(title)}</span>
          </Checkbox>
        </Form.Item>
      }
    >
      {claimed && <div className="st-claim__body">{children}</div>}
    </Section>
  );
}

function LevelField({ k }: { k: 'platform' | 'littleGiant' }) {
  const { t } = useI18n();
  return (
    <Form.Item name={['recommended', k, 'level']} label={t('st.f.level')}>
      <Radio.Group options={LEVELS.map((l) => ({ value: l, label: t(`st.level.${l}`) }))} />
    </Form.Item>
  );
}

/** ③ 推荐条件: five checkboxes; at least one must be claimed and complete. */
export function RecommendedStep({ flagged }: { flagged: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      <p className="st-hint st-hint--lead">{t('st.hint.recommended')}</p>
      <Condition k="platform" flagged={flagged}>
        <Row gutter={24}>
          <Col xs={24} md={14}>
            <Form.Item name={['recommended', 'platform', 'name']} label={t('st.f.platformName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <LevelField k="platform" />
          </Col>
        </Row>
        <EvidenceField
          name={['recommended', 'platform', 'evidence']}
          section={t('st.sec.recommended.platform')}
        />
      </Condition>
      <Condition k="industry" flagged={flagged}>
        <Form.Item name={['recommended', 'industry', 'description']} label={t('st.f.industryDescription')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <EvidenceField
          name={['recommended', 'industry', 'evidence']}
          section={t('st.sec.recommended.industry')}
        />
      </Condition>
      <Condition k="strategy" flagged={flagged}>
        <Form.Item name={['recommended', 'strategy', 'strategies']} label={t('st.f.strategies')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('reg.select')}
            options={STRATEGIES.map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Form.Item name={['recommended', 'strategy', 'description']} label={t('st.f.strategyDescription')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <EvidenceField
          name={['recommended', 'strategy', 'evidence']}
          section={t('st.sec.recommended.strategy')}
        />
      </Condition>
      <Condition k="littleGiant" flagged={flagged}>
        <LevelField k="littleGiant" />
        <EvidenceField
          name={['recommended', 'littleGiant', 'evidence']}
          section={t('st.sec.recommended.littleGiant')}
        />
      </Condition>
      <Condition k="candidate" flagged={flagged}>
        <Form.Item name={['recommended', 'candidate', 'name']} label={t('st.f.candidateName')}>
          <Input maxLength={50} style={{ maxWidth: 320 }} />
        </Form.Item>
        <EvidenceField
          name={['recommended', 'candidate', 'evidence']}
          label="st.f.candidateEvidence"
          section={t('st.sec.recommended.candidate')}
        />
      </Condition>
    </>
  );
}
