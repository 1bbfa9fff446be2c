import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { roleNeedsDistrict, STAFF_ROLES, type StaffRole } from '../../../shared/roles';
import { usersApi } from '../../api/endpoints';
import type { Region, User } from '../../api/types';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { rulesFor } from '../../lib/validators';

interface StaffValues {
  username: string;
  displayName: string;
  role: StaffRole;
  regionId?: number;
  email?: string;
  phone?: string;
}

/** 新建工作人员账号 (system admin). On success the caller shows the initial password once. */
export function CreateStaffModal({
  open,
  districts,
  onClose,
  onCreated,
}: {
  open: boolean;
  districts: Region[];
  onClose(): void;
  onCreated(user: User, initialPassword: string): void;
}) {
  const { t, lang } = useI18n();
  const r = rulesFor(t);
  const [form] = Form.useForm<StaffValues>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let v: StaffValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const out = await usersApi.create({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role,
        regionId: roleNeedsDistrict(v.role) ? (v.regionId ?? null) : null,
        email: v.email?.trim() ?? '',
        phone: v.phone?.trim() ?? '',
      });
      form.resetFields();
      onCreated(out.user, out.initialPassword);
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('acc.form.title')}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => void submit()}
      okText={t('action.submit')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<StaffValues> form={form} name="create-staff" layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('acc.form.username')}
          name="username"
          extra={t('reg.usernameHelp')}
          rules={[r.required(t('acc.form.username')), r.username]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          label={t('acc.form.displayName')}
          name="displayName"
          rules={[r.required(t('acc.form.displayName'))]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t('acc.form.role')} name="role" rules={[r.choose(t('acc.form.role'))]}>
          <Select
            placeholder={t('reg.select')}
            options={STAFF_ROLES.map((x) => ({ value: x, label: t(`role.${x}`) }))}
          />
        </Form.Item>
        {role && roleNeedsDistrict(role) && (
          <Form.Item
            label={t('acc.form.region')}
            name="regionId"
            extra={t('acc.form.regionHelp')}
            rules={[r.choose(t('acc.form.region'))]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('reg.regionPlaceholder')}
              options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('acc.form.email')} name="email" rules={[r.email]}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('acc.form.phone')} name="phone" rules={[r.phone]}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
