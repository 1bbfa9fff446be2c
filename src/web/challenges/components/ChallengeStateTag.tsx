import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { CHALLENGE_STATE_COLORS, challengeStateLabel } from '../labels';
import type { ChallengeState } from '../types';

/** The state of a posting as a coloured tag, in the UI language. */
export function ChallengeStateTag({ state }: { state: ChallengeState }) {
  const { lang } = useI18n();
  return (
    <Tag color={CHALLENGE_STATE_COLORS[state] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {challengeStateLabel(state, lang)}
    </Tag>
  );
}
