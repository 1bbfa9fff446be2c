import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../i18n';
import type { AnnouncementState } from './api';

const STATE_COLOR: Record<AnnouncementState, string> = {
  draft: 'default',
  published: 'success',
  withdrawn: 'warning',
};

export function StateTag({ state }: { state: AnnouncementState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[state]}>{t(`rs.state.${state}` as MessageKey)}</Tag>;
}
