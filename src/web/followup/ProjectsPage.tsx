import { Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n, type MessageKey } from '../i18n';
import { formatDate } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { useSession } from '../session/SessionContext';
import { followupApi, type ProjectListItem } from './api';

const LEAD: Record<string, MessageKey> = {
  district_officer: 'fu.list.lead.district',
  municipal_officer: 'fu.list.lead.city',
};

/** 项目跟踪: the matched projects in the caller's scope (parties: their own; offices: district / all). */
export default function ProjectsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const req = useRequest(`followup:list:${q}:${page}`, () =>
    followupApi.projects({ q: q || undefined, page }),
  );
  return (
    <>
      <PageHead title={t('fu.list.title')} lead={t(LEAD[user?.role ?? ''] ?? 'fu.list.lead.party')} />
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('fu.q')}
          placeholder={t('fu.q')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 320 }}
        />
      </Space>
      <Table<ProjectListItem>
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('fu.empty') }}
        pagination={{ current: page, total: req.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          {
            title: t('fu.col.title'),
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/console/followup/${r.id}`}>{title}</Link>,
          },
          { title: t('fu.col.poster'), render: (_, r) => r.poster.name },
          { title: t('fu.col.taker'), render: (_, r) => r.taker.name },
          { title: t('fu.col.matchedAt'), dataIndex: 'matchedAt', width: 120, render: formatDate },
          {
            title: t('fu.col.progress'),
            width: 150,
            render: (_, r) => (
              <Space size={4} wrap>
                {t('fu.progress', { done: r.done, total: r.milestones })}
                {r.overdue > 0 && <Tag color="error">{t('fu.overdueCount', { n: r.overdue })}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
