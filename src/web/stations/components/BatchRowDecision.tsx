import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Space, Spin } from 'antd';
import { useI18n } from '../../i18n';
import { stationsApi } from '../api';
import { useApplication } from '../hooks/useApplication';
import type { ApplicationDetail } from '../types';
import { DecisionPanel } from './DecisionPanel';

/**
 * The decision cell of one application in a batch: 认定 / 不予认定 when the server offers them, the
 * station number and its certificate once certified. (The list has neither actions nor the station,
 * so each row loads its application.)
 */
export function BatchRowDecision({ id, onDecided }: { id: number; onDecided(d: ApplicationDetail): void }) {
  const { t } = useI18n();
  const app = useApplication(id);
  const d = app.detail;
  if (!d) return app.error ? <span className="st-empty">{app.error.message}</span> : <Spin size="small" />;
  if (d.station)
    return (
      <Space size={8} wrap>
        <SafetyCertificateOutlined aria-hidden="true" style={{ color: '#2a7a1f' }} />
        <span className="mono" data-testid="station-number">
          {d.station.number}
        </span>
        <a href={stationsApi.certificateUrl(d.station.id)} target="_blank" rel="noopener noreferrer">
          {t('st.review.certificate')}
        </a>
      </Space>
    );
  if (d.actions.some((a) => a === 'certify' || a === 'municipal_reject'))
    return (
      <DecisionPanel
        detail={d}
        size="small"
        onDetail={(next) => {
          app.setDetail(next);
          onDecided(next);
        }}
        onReload={() => {
          app.reload();
          onDecided(d);
        }}
      />
    );
  return <span className="st-empty">{d.lastOpinion || '—'}</span>;
}
