import { DeleteOutlined, GlobalOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { MATURITIES } from '../../../shared/challenges/form';
import { todayInChina } from '../../../shared/roles';
import { useDistricts } from '../../console/admin/useDistricts';
import { useI18n, type MessageKey } from '../../i18n';
import { EvidenceUpload } from '../../stations/components/EvidenceUpload';
import { domainOptions, maturityLabel } from '../labels';
import type { ChallengeKind } from '../types';

const PHONE = /^[0-9+\-() ]{6,20}$/;

/** A titled region of the form, marked public or confidential. */
function Part({
  id,
  title,
  note,
  secret,
  children,
}: {
  id: string;
  title: MessageKey;
  note: MessageKey;
  secret: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${id}-title`} className="chp-part" style={{ marginBottom: 16 }}>
      <Card
        size="small"
        title={
          <h2 id={`${id}-title`} style={{ fontSize: 16, margin: 0 }}>
            {secret ? <LockOutlined aria-hidden="true" /> : <GlobalOutlined aria-hidden="true" />} {t(title)}
          </h2>
        }
        extra={
          <Tag color={secret ? 'warning' : 'processing'}>
            {t(secret ? 'chp.edit.confidentialTag' : 'chp.edit.publicTag')}
          </Tag>
        }
        style={secret ? { borderStyle: 'dashed' } : undefined}
      >
        <p style={{ color: 'var(--text-2)', marginTop: 0 }}>{t(note)}</p>
        {children}
      </Card>
    </section>
  );
}

/** Every field of a posting of `kind` (src/shared/challenges/form.ts), public part first. */
export function ChallengeFormFields({ kind, disabled = false }: { kind: ChallengeKind; disabled?: boolean }) {
  const { t, lang } = useI18n();
  const districts = useDistricts();
  const req = (label: MessageKey, choose = false): Rule => ({
    required: true,
    whitespace: !choose,
    message: t(choose ? 'chp.v.choose' : 'chp.v.required', { label: t(label) }),
  });
  const area = (name: string, label: MessageKey, max: number, required = true, extra?: MessageKey) => (
    <Form.Item
      name={name}
      label={t(label)}
      rules={required ? [req(label)] : []}
      extra={extra ? t(extra) : undefined}
    >
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={max} showCount />
    </Form.Item>
  );
  const budgetLabel: MessageKey = kind === 'tech' ? 'chp.f.budgetTech' : 'chp.f.budgetTransfer';

  return (
    <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Part id="chp-public" title="chp.edit.public" note="chp.edit.publicNote" secret={false}>
        <Form.Item name="title" label={t('chp.f.title')} rules={[req('chp.f.title')]}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="domain" label={t('chp.f.domain')} rules={[req('chp.f.domain', true)]}>
              <Select options={domainOptions(lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionId" label={t('chp.f.region')} rules={[req('chp.f.region', true)]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="deadline"
              label={t('chp.f.deadline')}
              rules={[
                req('chp.f.deadline', true),
                {
                  validator: async (_r, v: unknown) => {
                    if (typeof v === 'string' && v && v < todayInChina())
                      throw new Error(t('chp.v.pastDate'));
                  },
                },
              ]}
              getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null })}
              normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '')}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') < todayInChina()}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="budgetWan" label={t(budgetLabel)} rules={[req(budgetLabel, true)]}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'tech' ? (
          <>
            {area('problem', 'chp.f.problem', 5000)}
            {area('indicators', 'chp.f.indicators', 3000)}
            {area('expectedOutcome', 'chp.f.expectedOutcome', 3000)}
            {area('support', 'chp.f.support', 3000, false, 'chp.f.supportHint')}
          </>
        ) : (
          <>
            {area('achievement', 'chp.f.achievement', 5000)}
            <Form.Item name="maturity" label={t('chp.f.maturity')} rules={[req('chp.f.maturity', true)]}>
              <Select options={MATURITIES.map((m) => ({ value: m, label: maturityLabel(m, lang) }))} />
            </Form.Item>
            <Patents />
            {area('ipOwnership', 'chp.f.ipOwnership', 500)}
            {area('market', 'chp.f.market', 3000)}
            {area('partnerSought', 'chp.f.partnerSought', 2000)}
          </>
        )}
        <Form.Item
          name="attachmentIds"
          label={t('chp.f.publicAttachments')}
          extra={t('chp.f.publicAttachmentsHint')}
        >
          <EvidenceUpload label={t('chp.f.publicAttachments')} disabled={disabled} />
        </Form.Item>
      </Part>
      <Part id="chp-confidential" title="chp.edit.confidential" note="chp.edit.confidentialNote" secret>
        <Form.Item
          name={['confidential', 'details']}
          label={t('chp.f.details')}
          extra={t('chp.f.detailsHint')}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['confidential', 'contact', 'name']}
              label={t('chp.f.contactName')}
              rules={[req('chp.f.contactName')]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['confidential', 'contact', 'phone']}
              label={t('chp.f.contactPhone')}
              rules={[req('chp.f.contactPhone'), { pattern: PHONE, message: t('chp.v.phone') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['confidential', 'contact', 'email']}
              label={t('chp.f.contactEmail')}
              rules={[{ type: 'email', message: t('chp.v.email') }]}
            >
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name={['confidential', 'attachmentIds']}
          label={t('chp.f.attachments')}
          extra={t('chp.f.attachmentsHint')}
        >
          <EvidenceUpload label={t('chp.f.attachments')} disabled={disabled} />
        </Form.Item>
      </Part>
    </fieldset>
  );
}

/** 相关专利: a dynamic list of (number, title, owner). */
function Patents() {
  const { t } = useI18n();
  const req = (label: MessageKey): Rule => ({
    required: true,
    whitespace: true,
    message: t('chp.v.required', { label: t(label) }),
  });
  return (
    <Form.List name="patents">
      {(fields, { add, remove }) => (
        <fieldset className="chp-patents" style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('chp.f.patents')}</legend>
          {fields.length === 0 && <p style={{ color: 'var(--text-2)' }}>{t('chp.f.noPatents')}</p>}
          {fields.map((f, i) => (
            <Row key={f.key} gutter={12} align="top" data-testid={`patent-${i}`}>
              <Col xs={24} md={7}>
                <Form.Item
                  name={[f.name, 'number']}
                  label={t('chp.f.patentNumber')}
                  rules={[req('chp.f.patentNumber')]}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={24} md={9}>
                <Form.Item
                  name={[f.name, 'title']}
                  label={t('chp.f.patentTitle')}
                  rules={[req('chp.f.patentTitle')]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={20} md={6}>
                <Form.Item
                  name={[f.name, 'owner']}
                  label={t('chp.f.patentOwner')}
                  rules={[req('chp.f.patentOwner')]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined aria-hidden="true" />}
                  aria-label={`${t('chp.f.removePatent')} ${i + 1}`}
                  onClick={() => remove(f.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden="true" />}
            onClick={() => add({ number: '', title: '', owner: '' })}
            disabled={fields.length >= 30}
          >
            {t('chp.f.addPatent')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
