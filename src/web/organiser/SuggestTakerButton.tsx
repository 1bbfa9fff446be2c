import { App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useDebounced } from '../lib/useDebounced';
import { useRequest, asApiError } from '../lib/useRequest';
import { organiserApi } from './api';

interface Values {
  candidateKind: 'user' | 'unit';
  candidateId: number;
  note: string;
}

/**
 * 推荐给张榜方: an office suggests a person or unit for a need. With a `candidate` (from the recommendations)
 * the dialog only asks for a note; without one it searches accounts or units by name.
 */
export function SuggestTakerButton(props: {
  challengeId: number;
  candidate?: { kind: 'user' | 'unit'; id: number; label: string };
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<'user' | 'unit'>(props.candidate?.kind ?? 'user');
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const found = useRequest(open && !props.candidate && query ? `org-cand:${kind}:${query}` : null, () =>
    organiserApi.candidates(kind, query),
  );
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await organiserApi.suggest({
        challengeId: props.challengeId,
        candidateKind: props.candidate?.kind ?? v.candidateKind,
        candidateId: props.candidate?.id ?? v.candidateId,
        note: v.note ?? '',
      });
      void message.success(t('org.sg.done'));
      setOpen(false);
      form.resetFields();
      props.onDone?.();
    } catch (err) {
      const e = asApiError(err);
      void message.error(e.fields?.[0]?.message ?? e.message, 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size={props.candidate ? 'small' : 'middle'}
        type={props.candidate ? 'link' : 'default'}
        onClick={() => setOpen(true)}
      >
        {props.candidate ? t('org.sg.suggest') : t('org.sg.suggestOther')}
      </Button>
      <Modal
        open={open}
        title={
          props.candidate ? `${t('org.sg.suggest')}：${props.candidate.label}` : t('org.sg.suggestOther')
        }
        okText={t('org.sg.suggest')}
        cancelText={t('action.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ candidateKind: kind, note: '' }}>
          {!props.candidate && (
            <>
              <Form.Item name="candidateKind" label={t('org.sg.kind')}>
                <Radio.Group
                  onChange={(e) => {
                    setKind(e.target.value as 'user' | 'unit');
                    form.setFieldValue('candidateId', undefined);
                  }}
                  options={[
                    { value: 'user', label: t('org.sg.kind.user') },
                    { value: 'unit', label: t('org.sg.kind.unit') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="candidateId" label={t('org.sg.candidate')} rules={[{ required: true }]}>
                <Select
                  showSearch={{ filterOption: false, onSearch: setQ }}
                  placeholder={t('org.sg.search')}
                  loading={found.loading}
                  options={(found.data?.items ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.name} · ${c.detail}`,
                  }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('org.sg.note')}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
