import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, List, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { useDocumentTitle } from '../lib/useTitle';
import { resultsApi } from './api';

/** 揭榜成果 (public): the published announcements, newest first. */
export default function PublicResultsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('rs.pub.title'));
  const [page, setPage] = useState(1);
  const res = useRequest(`results:public:${page}`, () => resultsApi.publicList(page));
  return (
    <div className="portal-page" style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={1}>
        <TrophyOutlined aria-hidden="true" /> {t('rs.pub.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('rs.pub.lead')}</Typography.Paragraph>
      {res.error && <Alert type="error" showIcon title={res.error.message} />}
      <Card>
        <List
          loading={res.loading}
          dataSource={res.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('rs.pub.none')} /> }}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <List.Item.Meta
                title={<Link to={`/results/${a.id}`}>{a.title}</Link>}
                description={[
                  t('rs.pub.period', { from: a.periodFrom, to: a.periodTo }),
                  t('rs.pub.published', { date: formatDate(a.publishedAt) }),
                  t('rs.pub.count', { n: a.itemCount }),
                ].join(' · ')}
              />
            </List.Item>
          )}
        />
        {(res.data?.total ?? 0) > (res.data?.pageSize ?? 10) && (
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            total={res.data?.total ?? 0}
            pageSize={res.data?.pageSize ?? 10}
            onChange={setPage}
          />
        )}
      </Card>
    </div>
  );
}
