import { Alert, Button, Form } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { useFormDraft } from '../lib/draft';
import { applyServerErrors } from '../lib/formErrors';
import { AccountFields, FormSection } from './AccountFields';

const SECRET = ['password', 'confirm'] as const;

interface Props<V extends { username: string }> {
  /** The antd form name, also its HTML id prefix. */
  name: string;
  /** localStorage key of the draft (passwords are never stored). */
  draftKey: string;
  /** Title of the section after the account fields. */
  profileTitle: string;
  submitLabel: string;
  /** Sends the registration; a server refusal is mapped onto the fields. */
  submit: (values: V) => Promise<void>;
  /** The kind-specific fields. */
  children: ReactNode;
}

/**
 * What both registration forms share: the draft that survives a reload (and its notice), the account
 * fields, server field errors, and the redirect to login once registered.
 */
export function RegistrationForm<V extends { username: string }>(p: Props<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const navigate = useNavigate();
  const draft = useFormDraft<V>(p.draftKey, SECRET);
  const [restored, setRestored] = useState(draft.initial !== undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (draft.initial) form.setFieldsValue(draft.initial);
  }, [draft.initial, form]);

  const onFinish = async (v: V) => {
    setBusy(true);
    setError(null);
    try {
      await p.submit(v);
      draft.clear();
      navigate('/login', { state: { notice: 'registered', username: v.username.trim() } });
    } catch (err) {
      setError(applyServerErrors(form, err));
      setBusy(false);
    }
  };

  const clearDraft = () => {
    draft.clear();
    form.resetFields();
    setRestored(false);
  };

  return (
    <Form<V>
      form={form}
      name={p.name}
      layout="vertical"
      scrollToFirstError={{ block: 'center' }}
      onValuesChange={(_, all) => draft.save(all)}
      onFinish={(v) => void onFinish(v)}
    >
      {restored && (
        <Alert
          type="info"
          showIcon
          title={t('reg.draftRestored')}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" onClick={clearDraft}>
              {t('action.clearDraft')}
            </Button>
          }
        />
      )}
      <FormSection title={t('reg.section.account')} />
      <AccountFields />
      <FormSection title={p.profileTitle} />
      {p.children}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" size="large" loading={busy}>
        {p.submitLabel}
      </Button>
    </Form>
  );
}
