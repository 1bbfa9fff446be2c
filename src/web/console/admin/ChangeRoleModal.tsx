import { Alert, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { roleNeedsDistrict, STAFF_ROLES, type StaffRole } from '../../../shared/roles';
import { usersApi } from '../../api/endpoints';
import type { Region, User } from '../../api/types';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { rulesFor } from '../../lib/validators';

interface RoleValues {
  role: StaffRole;
  regionId?: number;
}

/** 调整角色 (security admin): a staff account's role and, for district offices, its district. */
export function ChangeRoleModal({
  target,
  districts,
  onClose,
  onDone,
}: {
  target: User | null;
  districts: Region[];
  onClose(): void;
  onDone(): void;
}) {
  const { t, lang } = useI18n();
  const r = rulesFor(t);
  const [form] = Form.useForm<RoleValues>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({
      role: (STAFF_ROLES as readonly string[]).includes(target.role) ? (target.role as StaffRole) : undefined,
      regionId: target.region?.id,
    });
  }, [target, form]);

  const submit = async () => {
    if (!target) return;
    let v: RoleValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await usersApi.changeRole(target.id, v.role, roleNeedsDistrict(v.role) ? (v.regionId ?? null) : null);
      onDone();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t('acc.role.title', { name: target.displayName }) : ''}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => void submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      forceRender
    >
      <p style={{ color: 'var(--text-2)' }}>{t('acc.role.note')}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<RoleValues> form={form} name="change-role" layout="vertical">
        <Form.Item label={t('acc.form.role')} name="role" rules={[r.choose(t('acc.form.role'))]}>
          <Select options={STAFF_ROLES.map((x) => ({ value: x, label: t(`role.${x}`) }))} />
        </Form.Item>
        {role && roleNeedsDistrict(role) && (
          <Form.Item label={t('acc.form.region')} name="regionId" rules={[r.choose(t('acc.form.region'))]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('reg.regionPlaceholder')}
              options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
