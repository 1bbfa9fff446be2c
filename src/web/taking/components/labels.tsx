import { Tag } from 'antd';
import { DECISION_LABELS, TAKING_STATE_LABELS } from '../../../shared/taking/solution';
import { useI18n } from '../../i18n';
import type { Decision } from '../types';

const STATE_COLOR: Record<string, string> = {
  active: 'processing',
  invited: 'warning',
  confirmed: 'success',
  declined: 'default',
  draft: 'default',
  submitted: 'processing',
  withdrawn: 'default',
};

const DECISION_COLOR: Record<Decision, string> = {
  pending: 'default',
  shortlisted: 'processing',
  proposed: 'warning',
  matched: 'success',
  rejected: 'error',
};

/** A sign-up's, member's or solution's state as a tag. */
export function TakingStateTag({ state }: { state: string }) {
  const { lang } = useI18n();
  return <Tag color={STATE_COLOR[state] ?? 'default'}>{TAKING_STATE_LABELS[state]?.[lang] ?? state}</Tag>;
}

export function decisionLabel(d: Decision, lang: 'zh-CN' | 'en'): string {
  return DECISION_LABELS[d]?.[lang] ?? d;
}

/** The poster's decision on a solution (对接状态) as a tag. */
export function DecisionTag({ decision }: { decision: Decision }) {
  const { lang } = useI18n();
  return <Tag color={DECISION_COLOR[decision]}>{decisionLabel(decision, lang)}</Tag>;
}
