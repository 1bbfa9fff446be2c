import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { CertBatch } from '../types';

export function BatchStateTag({ state }: { state: CertBatch['state'] }) {
  const { t } = useI18n();
  return <Tag color={state === 'open' ? 'processing' : 'default'}>{t(`st.batch.state.${state}`)}</Tag>;
}
