import { App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { applyServerErrors } from '../lib/formErrors';
import { asApiError } from '../lib/useRequest';

/**
 * A modal form: validates on the client, sends, puts the server's field errors on the fields and keeps
 * the dialog open on a refusal; closes and reports success otherwise.
 */
export function FormDialog<T extends object>({
  open,
  title,
  okText,
  initial,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  okText?: string;
  initial?: Partial<T>;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: (changed: boolean) => void;
  children: (form: FormInstance<T>) => ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(v);
      void message.success(t('fu.saved'));
      onClose(true);
    } catch (err) {
      void message.error(applyServerErrors(form, asApiError(err)), 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('fu.save')}
      cancelText={t('fu.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        {children(form)}
      </Form>
    </Modal>
  );
}
