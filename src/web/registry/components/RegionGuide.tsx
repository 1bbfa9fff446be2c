import { Alert, Descriptions, Spin } from 'antd';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { guideApi } from '../api';

/** The public service guide of one office (the directory's expanded row). */
export function RegionGuide({ regionId }: { regionId: number }) {
  const { t, tx } = useI18n();
  const region = useRequest(`region-guide:${regionId}`, () => guideApi.get(regionId));
  if (region.error) return <Alert type="error" showIcon title={region.error.message} />;
  const data = region.data;
  if (!data) return <Spin size="small" />;
  const filled = data.sections.filter((s) => data.guide[s.key].trim() !== '');
  if (filled.length === 0) return <span style={{ color: 'var(--text-2)' }}>{t('guide.none')}</span>;
  return (
    <Descriptions
      title={t('guide.show')}
      extra={data.guide.updatedAt && t('guide.updatedAt', { at: formatDate(data.guide.updatedAt) })}
      column={1}
      size="small"
      bordered
      data-testid={`guide-${regionId}`}
    >
      {filled.map((s) => (
        <Descriptions.Item key={s.key} label={tx(`guide.section.${s.key}`, s.label)}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{data.guide[s.key]}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
