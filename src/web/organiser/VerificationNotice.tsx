import { Alert, Tag } from 'antd';
import { useI18n } from '../i18n';
import { useRequest } from '../lib/useRequest';
import { organiserApi, type VerifiedType } from './api';

/** For the owner of a posting or sign-up: the office's 核实 result (nothing while unverified). */
export function VerificationNotice({ type, id }: { type: VerifiedType; id: number }) {
  const { t } = useI18n();
  const v = useRequest(id > 0 ? `org-v:${type}:${id}` : null, () => organiserApi.verification(type, id));
  if (!v.data || v.data.state === 'unverified') return null;
  if (v.data.state === 'verified')
    return (
      <p>
        <Tag color="green">{t('org.v.notice.verified')}</Tag>
      </p>
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('org.v.notice.questioned', { note: v.data.note })}
    />
  );
}
