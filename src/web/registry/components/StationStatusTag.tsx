import { Space, Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { StationStatus } from '../types';

const COLORS: Record<StationStatus, string> = {
  active: 'success',
  rectification: 'warning',
  deregistered: 'default',
};

export const STATION_STATUSES = Object.keys(COLORS) as StationStatus[];

/** 正常 / 整改期 / 已注销, with the 提请注销 badge when the rule proposed deregistration. */
export function StationStatusTag({
  status,
  proposed = false,
}: {
  status: StationStatus;
  proposed?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
        {t(`reg.status.${status}`)}
      </Tag>
      {proposed && status !== 'deregistered' && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {t('reg.proposed')}
        </Tag>
      )}
    </Space>
  );
}
