import { Tag } from 'antd';
import { APPLICATION_STATE_LABELS } from '../../../shared/labels';
import { useI18n, type Lang } from '../../i18n';
import type { ApplicationState } from '../types';

const COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  recommended: 'cyan',
  certified: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export const APPLICATION_STATES = Object.keys(COLORS) as ApplicationState[];

export function stateLabel(state: string, lang: Lang): string {
  return APPLICATION_STATE_LABELS[state]?.[lang] ?? state;
}

/** The state of an application as a coloured tag, in the UI language. */
export function StateTag({ state }: { state: ApplicationState }) {
  const { lang } = useI18n();
  return (
    <Tag color={COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {stateLabel(state, lang)}
    </Tag>
  );
}
