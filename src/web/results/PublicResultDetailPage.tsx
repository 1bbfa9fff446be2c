import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { DOMAIN_LABELS, DOMAIN_LABELS_EN } from '../../shared/labels';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { useDocumentTitle } from '../lib/useTitle';
import { resultsApi, type ResultItem } from './api';

/** One published announcement (public facts only: no confidential part, no contact details). */
export default function PublicResultDetailPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const res = useRequest(valid ? `results:public:one:${id}` : null, () => resultsApi.publicGet(id));
  const a = res.data;
  useDocumentTitle(a?.title ?? t('rs.pub.title'));
  const domains: Record<string, string> = lang === 'en' ? DOMAIN_LABELS_EN : DOMAIN_LABELS;
  return (
    <div className="portal-page" style={{ maxWidth: 1100, margin: '0 auto', padding: 24 }}>
      <p style={{ margin: '0 0 12px' }}>
        <Link to="/results">
          <ArrowLeftOutlined aria-hidden="true" /> {t('rs.back')}
        </Link>
      </p>
      {!valid || res.error ? (
        <Alert
          type="error"
          showIcon
          title={!valid || res.error?.status === 404 ? t('rs.pub.notFound') : res.error?.message}
        />
      ) : !a ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      ) : (
        <>
          <Typography.Title level={1}>{a.title}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('rs.pub.period', { from: a.periodFrom, to: a.periodTo })} ·{' '}
            {t('rs.pub.published', { date: formatDate(a.publishedAt) })}{' '}
            <Button
              size="small"
              href={resultsApi.publicPdfUrl(a.id)}
              target="_blank"
              icon={<FilePdfOutlined aria-hidden="true" />}
            >
              {t('rs.pdf')}
            </Button>
          </Typography.Paragraph>
          {a.intro && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.intro}</Typography.Paragraph>
          )}
          <Table<ResultItem>
            rowKey="id"
            pagination={false}
            dataSource={a.items}
            scroll={{ x: 900 }}
            columns={[
              { title: '#', width: 50, render: (_v, _r, i) => i + 1 },
              {
                title: t('rs.item.need'),
                render: (_v, r) => <Link to={`/hall/${r.challengeId}`}>{r.needTitle}</Link>,
              },
              { title: t('rs.item.domain'), render: (_v, r) => domains[r.domain] ?? r.domain },
              { title: t('rs.item.poster'), dataIndex: 'posterName' },
              { title: t('rs.item.taker'), dataIndex: 'takerName' },
              { title: t('rs.item.matchedOn'), dataIndex: 'matchedOn', width: 120 },
              { title: t('rs.item.summary'), dataIndex: 'summary' },
            ]}
          />
        </>
      )}
    </div>
  );
}
