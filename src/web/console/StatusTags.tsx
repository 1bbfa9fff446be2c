import { Tag } from 'antd';
import type { User } from '../api/types';
import { useI18n } from '../i18n';

/** Status of an account: active/disabled, plus locked and "must change password" when they apply. */
export function StatusTags({ user }: { user: Pick<User, 'status' | 'locked' | 'mustChangePassword'> }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={user.status === 'active' ? 'success' : 'default'}>{t(`status.${user.status}`)}</Tag>
      {user.locked && <Tag color="error">{t('status.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="warning">{t('status.mustChange')}</Tag>}
    </>
  );
}
