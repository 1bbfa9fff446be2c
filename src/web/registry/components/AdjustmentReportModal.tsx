import { Button, Descriptions, Modal, Space, Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { AdjustmentReport } from '../types';

function Numbers({ items }: { items: string[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <span>{t('reg.check.none')}</span>;
  return (
    <Space size={4} wrap>
      {items.map((n) => (
        <Tag key={n} className="mono" style={{ marginInlineEnd: 0 }}>
          {n}
        </Tag>
      ))}
    </Space>
  );
}

/** What one run of the adjustment check changed. */
export function AdjustmentReportModal({
  report,
  onClose,
}: {
  report: AdjustmentReport;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('reg.check.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="adjustment-close">
          {t('action.close')}
        </Button>
      }
      width={640}
    >
      <Descriptions column={1} bordered size="small" data-testid="adjustment-report">
        <Descriptions.Item label={t('reg.check.checked')}>{report.checked}</Descriptions.Item>
        <Descriptions.Item label={t('reg.check.toRectification')}>
          <Numbers items={report.toRectification} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reg.check.toActive')}>
          <Numbers items={report.toActive} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reg.check.proposed')}>
          <Numbers items={report.proposed} />
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
