import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { asApiError } from '../lib/useRequest';

/** A short dialog asking for a note or reason, then running `onOk` with it (errors shown, dialog kept). */
export function NoteDialog({
  open,
  title,
  label,
  required,
  onOk,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  required?: string;
  onOk: (note: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okButtonProps={{ loading: busy }}
      cancelText={t('action.cancel')}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        setBusy(true);
        try {
          await onOk(v.note ?? '');
          form.resetFields();
          onClose();
        } catch (err) {
          void message.error(asApiError(err).message, 6);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: required }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
