import { App, Button, Descriptions, Empty, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { asApiError } from '../lib/useRequest';
import { followupApi, OUTCOME_STATUSES, type Outcome, type OutcomeInput } from './api';
import { FormDialog } from './FormDialog';
import { OutcomeStateTag, useOutcomeStatus } from './labels';

/** The fields of an outcome report (成果报告). */
export function OutcomeFields() {
  const { t } = useI18n();
  const statusLabel = useOutcomeStatus();
  return (
    <>
      <Form.Item name="period" label={t('fu.out.period')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={50} placeholder={t('fu.rep.periodHint')} />
      </Form.Item>
      <Form.Item name="status" label={t('fu.out.status')} rules={[{ required: true }]}>
        <Select options={OUTCOME_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
      </Form.Item>
      <Form.Item name="outcome" label={t('fu.out.outcome')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
      <Space wrap size={16}>
        <Form.Item name="fundingWan" label={t('fu.out.funding')}>
          <InputNumber min={0} step={1} />
        </Form.Item>
        <Form.Item name="products" label={t('fu.out.products')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="patents" label={t('fu.out.patents')}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('fu.out.note')}>
        <Input.TextArea rows={2} maxLength={3000} />
      </Form.Item>
    </>
  );
}

export const EMPTY_OUTCOME: OutcomeInput = {
  period: '',
  status: 'on_track',
  outcome: '',
  fundingWan: 0,
  products: 0,
  patents: 0,
  note: '',
};

const toInput = (o: Outcome): OutcomeInput => ({
  period: o.period,
  status: o.status,
  outcome: o.outcome,
  fundingWan: o.fundingWan,
  products: o.products,
  patents: o.patents,
  note: o.note,
});

/** The buttons the server allows on a report: edit, submit (district), acknowledge or return (city). */
export function OutcomeActions({ o, onChanged }: { o: Outcome; onChanged: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'edit' | 'return' | null>(null);
  const run = async (action: 'submit' | 'acknowledge') => {
    try {
      await followupApi.outcomeAction(o.id, action);
      void message.success(t(`fu.out.action.${action}`));
      onChanged();
    } catch (err) {
      void message.error(asApiError(err).message, 6);
      onChanged();
    }
  };
  return (
    <Space wrap>
      {o.actions.includes('edit') && (
        <Button onClick={() => setDialog('edit')}>{t('fu.out.action.edit')}</Button>
      )}
      {o.actions.includes('submit') && (
        <Button type="primary" onClick={() => void run('submit')}>
          {t('fu.out.action.submit')}
        </Button>
      )}
      {o.actions.includes('acknowledge') && (
        <Button
          type="primary"
          onClick={() =>
            modal.confirm({
              title: t('fu.out.action.acknowledge'),
              content: o.projectTitle,
              okText: t('fu.out.action.acknowledge'),
              cancelText: t('fu.cancel'),
              onOk: () => run('acknowledge'),
            })
          }
        >
          {t('fu.out.action.acknowledge')}
        </Button>
      )}
      {o.actions.includes('return') && (
        <Button danger onClick={() => setDialog('return')}>
          {t('fu.out.action.return')}
        </Button>
      )}
      <FormDialog<OutcomeInput>
        open={dialog === 'edit'}
        title={`${t('fu.out.action.edit')} · ${o.projectTitle}`}
        initial={toInput(o)}
        onSubmit={(v) => followupApi.editOutcome(o.id, { ...v, revision: o.revision })}
        onClose={(changed) => {
          setDialog(null);
          if (changed) onChanged();
        }}
      >
        {() => <OutcomeFields />}
      </FormDialog>
      <FormDialog<{ opinion: string }>
        open={dialog === 'return'}
        title={`${t('fu.out.action.return')} · ${o.projectTitle}`}
        okText={t('fu.out.action.return')}
        onSubmit={(v) => followupApi.outcomeAction(o.id, 'return', v.opinion)}
        onClose={(changed) => {
          setDialog(null);
          if (changed) onChanged();
        }}
      >
        {() => (
          <Form.Item
            name="opinion"
            label={t('fu.out.opinion')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </FormDialog>
    </Space>
  );
}

/** The outcome reports of one project, as the caller may see them. */
export function OutcomeList({ items, onChanged }: { items: Outcome[]; onChanged: () => void }) {
  const { t } = useI18n();
  const statusLabel = useOutcomeStatus();
  if (items.length === 0) return <Empty description={t('fu.out.none')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {items.map((o) => (
        <Descriptions
          key={o.id}
          bordered
          size="small"
          column={2}
          title={
            <Space>
              {o.period}
              <OutcomeStateTag state={o.state} />
            </Space>
          }
          extra={<OutcomeActions o={o} onChanged={onChanged} />}
          items={[
            { key: 'status', label: t('fu.out.status'), children: statusLabel(o.status) },
            { key: 'region', label: t('fu.out.region'), children: o.regionName },
            { key: 'outcome', label: t('fu.out.outcome'), children: o.outcome, span: 2 },
            { key: 'funding', label: t('fu.out.funding'), children: o.fundingWan },
            {
              key: 'pp',
              label: `${t('fu.out.products')} / ${t('fu.out.patents')}`,
              children: `${o.products} / ${o.patents}`,
            },
            { key: 'submitted', label: t('fu.out.submittedAt'), children: formatDateTime(o.submittedAt) },
            { key: 'comment', label: t('fu.out.comment'), children: o.lastComment || '—' },
          ]}
        />
      ))}
    </Space>
  );
}
