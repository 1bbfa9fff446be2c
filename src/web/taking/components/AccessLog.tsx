import { Card, Table } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import type { AccessEntry } from '../types';

/** Who viewed or downloaded confidential material (a need's or a solution's), newest first. */
export function AccessLog({ id, load }: { id: string; load: () => Promise<{ items: AccessEntry[] }> }) {
  const { t } = useI18n();
  const res = useRequest(`tk-log:${id}`, load);
  return (
    <Card size="small" title={t('tk.log.title')} style={{ marginBottom: 16 }} data-testid="access-log">
      <Table<AccessEntry>
        size="small"
        rowKey="id"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('tk.log.who'), dataIndex: 'userName' },
          {
            title: t('tk.log.what'),
            key: 'what',
            render: (_: unknown, r) =>
              r.what === 'file'
                ? t('tk.log.what.file', { id: r.fileId ?? '' })
                : t('tk.log.what.confidential_part'),
          },
          { title: t('tk.log.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
          { title: t('tk.log.ip'), dataIndex: 'ip' },
        ]}
      />
    </Card>
  );
}
