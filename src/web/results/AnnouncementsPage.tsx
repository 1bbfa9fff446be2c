import { DownloadOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { PageHead } from '../console/PageHead';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { useSession } from '../session/SessionContext';
import { resultsApi, type Announcement } from './api';
import { StateTag } from './StateTag';
import { AnnouncementEditor } from './AnnouncementEditor';

/** 成果公告: the announcements in scope; the municipal office drafts (with compile), publishes, withdraws. */
export default function AnnouncementsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const city = user?.role === 'municipal_officer';
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const [tick, setTick] = useState(0);
  const req = useRequest(`results:list:${page}:${tick}`, () => resultsApi.list({ page }));
  if (open !== null)
    return (
      <AnnouncementEditor
        id={open === 'new' ? null : open}
        onClose={() => {
          setOpen(null);
          setTick((n) => n + 1);
        }}
        onCreated={(a) => {
          void message.success(t('rs.saved'));
          setOpen(a.id);
        }}
      />
    );
  return (
    <>
      <PageHead
        title={t('rs.list.title')}
        lead={t(city ? 'rs.list.lead.city' : 'rs.list.lead.district')}
        extra={
          city && (
            <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setOpen('new')}>
              {t('rs.new')}
            </Button>
          )
        }
      />
      <Table<Announcement>
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('rs.none') }}
        pagination={{
          current: page,
          total: req.data?.total ?? 0,
          pageSize: req.data?.pageSize ?? 20,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('rs.col.title'),
            render: (_v, a) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(a.id)}>
                {a.title}
              </Button>
            ),
          },
          { title: t('rs.col.period'), render: (_v, a) => `${a.periodFrom} ~ ${a.periodTo}` },
          { title: t('rs.col.items'), dataIndex: 'itemCount', width: 90 },
          { title: t('rs.col.state'), width: 100, render: (_v, a) => <StateTag state={a.state} /> },
          { title: t('rs.col.updated'), width: 170, render: (_v, a) => formatDateTime(a.updatedAt) },
          {
            title: '',
            width: 220,
            render: (_v, a) =>
              a.actions.includes('export') && (
                <Space>
                  <Button
                    size="small"
                    href={resultsApi.exportUrl(a.id)}
                    icon={<DownloadOutlined aria-hidden="true" />}
                  >
                    Excel
                  </Button>
                  <Button
                    size="small"
                    href={resultsApi.pdfUrl(a.id)}
                    target="_blank"
                    icon={<FilePdfOutlined aria-hidden="true" />}
                  >
                    PDF
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
