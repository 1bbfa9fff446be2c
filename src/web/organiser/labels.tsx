import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../i18n';
import { DOMAIN_LABELS, DOMAIN_LABELS_EN } from '../../shared/labels';
import type { Reason, SuggestionState, VerificationState } from './api';

const V_COLOR: Record<VerificationState, string> = {
  unverified: 'default',
  verified: 'green',
  questioned: 'orange',
};
export function VerificationTag({ state }: { state: VerificationState }) {
  const { t } = useI18n();
  return <Tag color={V_COLOR[state]}>{t(`org.v.${state}` as MessageKey)}</Tag>;
}

const S_COLOR: Record<SuggestionState, string> = {
  suggested: 'blue',
  signed_up: 'green',
  declined: 'default',
  withdrawn: 'default',
};
export function SuggestionTag({ state }: { state: SuggestionState }) {
  const { t } = useI18n();
  return <Tag color={S_COLOR[state]}>{t(`org.sg.state.${state}` as MessageKey)}</Tag>;
}

export function useDomainLabel() {
  const { lang } = useI18n();
  return (d: string) => {
    const table: Record<string, string> = lang === 'en' ? DOMAIN_LABELS_EN : DOMAIN_LABELS;
    return table[d] ?? d;
  };
}

/** The reasons of a recommendation, as tags. */
export function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useI18n();
  const domain = useDomainLabel();
  return (
    <>
      {reasons.map((r) => {
        const key = `org.reason.${r.code}` as MessageKey;
        const params: Record<string, string | number> =
          r.code === 'same_domain'
            ? { domain: domain(r.domain) }
            : r.code === 'keywords'
              ? { words: r.words.join('、') }
              : r.code === 'same_district'
                ? {}
                : { count: r.count };
        return (
          <Tag
            key={r.code}
            color={r.code === 'same_domain' || r.code === 'keywords' ? 'geekblue' : 'default'}
          >
            {t(key, params)}
          </Tag>
        );
      })}
    </>
  );
}
