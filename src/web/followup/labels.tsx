import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../i18n';
import type { MilestoneStatus, OutcomeState, OutcomeStatus } from './api';

const MS_COLOR: Record<MilestoneStatus, string> = {
  done: 'success',
  overdue: 'error',
  due_soon: 'warning',
  open: 'processing',
};
const STATE_COLOR: Record<OutcomeState, string> = {
  draft: 'default',
  submitted: 'processing',
  acknowledged: 'success',
  returned: 'warning',
};

export function MilestoneTag({ status }: { status: MilestoneStatus }) {
  const { t } = useI18n();
  return <Tag color={MS_COLOR[status]}>{t(`fu.ms.status.${status}` as MessageKey)}</Tag>;
}

export function OutcomeStateTag({ state }: { state: OutcomeState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[state]}>{t(`fu.out.state.${state}` as MessageKey)}</Tag>;
}

export function useOutcomeStatus() {
  const { t } = useI18n();
  return (s: OutcomeStatus) => t(`fu.out.status.${s}` as MessageKey);
}
