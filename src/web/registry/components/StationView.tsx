import { Alert, Card, Descriptions, Space, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import type { StationDetail } from '../types';
import { RecruitsSection } from './RecruitsSection';
import { StationActions } from './StationActions';
import { StationHistory } from './StationHistory';
import { StationStatusTag } from './StationStatusTag';

/** One station: facts, the adjustment assessment, recruits and history, with the actions the server allows. */
export function StationView({ station: s, onChanged }: { station: StationDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const a = s.assessment;
  const proposed = s.deregistrationProposedAt !== null && s.status !== 'deregistered';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {proposed && <Alert type="error" showIcon title={t('reg.d.proposedAlert')} />}
      <Card
        title={
          <Space wrap>
            <span className="mono">{s.number}</span>
            <StationStatusTag status={s.status} proposed={s.deregistrationProposedAt !== null} />
            {s.nationalCultivation && <Tag>{t('reg.cultivation')}</Tag>}
          </Space>
        }
        extra={<StationActions station={s} onChanged={onChanged} />}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="station-facts">
          <Descriptions.Item label={t('reg.d.unit')}>{s.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('reg.d.creditCode')}>
            <span className="mono">{s.unit.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reg.d.region')}>{s.region.name}</Descriptions.Item>
          <Descriptions.Item label={t('reg.d.certifiedAt')}>{formatDate(s.certifiedAt)}</Descriptions.Item>
          {s.deregistrationProposedAt && (
            <Descriptions.Item label={t('reg.d.proposedAt')}>
              {formatDateTime(s.deregistrationProposedAt)}
            </Descriptions.Item>
          )}
          {s.deregisteredAt && (
            <Descriptions.Item label={t('reg.d.deregisteredAt')}>
              {formatDateTime(s.deregisteredAt)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {a && (
        <Card title={t('reg.d.assessment')}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small" data-testid="station-assessment">
            <Descriptions.Item label={t('reg.d.reference')}>{formatDate(a.reference)}</Descriptions.Item>
            <Descriptions.Item label={t('reg.d.years')}>
              <Space size={6}>
                {a.yearsWithoutRecruit}
                {a.atRisk && <Tag color="warning">{t('reg.atRiskTag')}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('reg.d.window')}>
              {formatDate(a.rectificationStarts)} ~ {formatDate(a.rectificationEnds)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <RecruitsSection station={s} onChanged={onChanged} />
      <StationHistory events={s.events} />
    </Space>
  );
}
