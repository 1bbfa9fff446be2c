import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Spin, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { MATURITY_LABELS } from '../../shared/challenges/labels';
import { DOMAIN_LABELS } from '../../shared/labels';
import { useI18n, type MessageKey } from '../i18n';
import { formatDate } from '../lib/format';
import { FileList } from '../stations/components/FileLink';
import { useRequest } from '../lib/useRequest';
import { useDocumentTitle } from '../lib/useTitle';
import { TakeEntry } from '../taking/components/TakeEntry';
import { hallApi } from './api';
import { KIND_COLOR, STATUS_COLOR } from './colors';
import type { ChallengeDetail, Patent } from './types';

/** One posting in the hall: its public part only; the confidential part and 揭榜 need a login. */
export default function HallDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const res = useRequest(valid ? `hall-detail:${id}` : null, () => hallApi.get(id));
  const c = res.data;
  useDocumentTitle(c?.title ?? t('hall.title'));

  return (
    <div className="portal-page">
      <p style={{ margin: '0 0 12px' }}>
        <Link to="/hall">
          <ArrowLeftOutlined aria-hidden="true" /> {t('hall.detail.back')}
        </Link>
      </p>
      {!valid || res.error ? (
        <Alert
          type="error"
          showIcon
          title={!valid || res.error?.status === 404 ? t('hall.detail.notFound') : res.error?.message}
        />
      ) : !c ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      ) : (
        <Detail c={c} />
      )}
    </div>
  );
}

function Detail({ c }: { c: ChallengeDetail }) {
  const { t, lang } = useI18n();
  const pick = (l: { 'zh-CN': string; en: string } | undefined, raw: string) => (l ? l[lang] : raw);
  const domainLabel = DOMAIN_LABELS[c.domain as keyof typeof DOMAIN_LABELS] ?? c.domain;
  const p = c.public;
  const text = (v: string | undefined): ReactNode =>
    v ? <div style={{ whiteSpace: 'pre-wrap' }}>{v}</div> : t('hall.detail.none');
  const field = (key: MessageKey, v: ReactNode) => ({ key, label: t(key), children: v });
  const files = new Map(c.publicAttachments.map((f) => [f.id, f]));
  const attachments =
    c.publicAttachments.length === 0
      ? []
      : [
          field(
            'hall.detail.attachments',
            <FileList
              ids={c.publicAttachments.map((f) => f.id)}
              files={(id) => files.get(id)}
              urlOf={(id) => `/api/challenges/${c.id}/files/${id}`}
            />,
          ),
        ];

  const publicItems =
    c.kind === 'tech'
      ? [
          field('hall.detail.problem', text(p.problem)),
          field('hall.detail.indicators', text(p.indicators)),
          field('hall.detail.expectedOutcome', text(p.expectedOutcome)),
          field('hall.budget.tech', t('hall.wan', { n: c.budgetWan })),
          field('hall.detail.support', text(p.support)),
          field('hall.deadline', formatDate(c.deadline)),
          ...attachments,
        ]
      : [
          field('hall.detail.achievement', text(p.achievement)),
          field('hall.detail.maturity', p.maturity ? pick(MATURITY_LABELS[p.maturity], p.maturity) : '—'),
          field('hall.detail.patents', <Patents patents={p.patents ?? []} />),
          field('hall.detail.ipOwnership', text(p.ipOwnership)),
          field('hall.detail.market', text(p.market)),
          field('hall.detail.partnerSought', text(p.partnerSought)),
          field('hall.budget.transfer', t('hall.wan', { n: c.budgetWan })),
          field('hall.deadline', formatDate(c.deadline)),
          ...attachments,
        ];

  return (
    <article aria-labelledby="hall-detail-title">
      <div style={{ display: 'flex', gap: 6, marginBottom: 8 }}>
        <Tag color={KIND_COLOR[c.kind]}>{t(`hall.kind.${c.kind}`)}</Tag>
        {c.status && <Tag color={STATUS_COLOR[c.status]}>{t(`hall.status.${c.status}`)}</Tag>}
      </div>
      <h1 className="page-title" id="hall-detail-title">
        {c.title}
      </h1>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'poster', label: t('hall.detail.poster'), children: c.posterName || '—' },
            { key: 'domain', label: t('hall.domain'), children: domainLabel },
            { key: 'region', label: t('hall.region'), children: c.region?.name ?? '—' },
            { key: 'published', label: t('hall.publishedAt'), children: formatDate(c.publishedAt) },
            { key: 'deadline', label: t('hall.deadline'), children: formatDate(c.deadline) },
            ...(c.closedAt
              ? [{ key: 'closed', label: t('hall.detail.closedAt'), children: formatDate(c.closedAt) }]
              : []),
            { key: 'views', label: t('hall.views'), children: c.views },
          ]}
        />
      </Card>
      <TakeEntry challengeId={c.id} open={c.status === 'open'} />
      <section aria-labelledby="hall-public-title">
        <Card style={{ marginBottom: 16 }}>
          <h2 id="hall-public-title" style={{ fontSize: 18, marginTop: 0 }}>
            {t('hall.detail.public')}
          </h2>
          <Descriptions column={1} bordered items={publicItems} styles={{ label: { width: 180 } }} />
        </Card>
      </section>
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined aria-hidden="true" />}
        title={t('hall.detail.noteTitle')}
        description={t('hall.detail.note')}
      />
    </article>
  );
}

function Patents({ patents }: { patents: Patent[] }) {
  const { t } = useI18n();
  if (patents.length === 0) return <>{t('hall.detail.noPatents')}</>;
  return (
    <Table<Patent>
      size="small"
      rowKey="number"
      pagination={false}
      dataSource={patents}
      columns={[
        { title: t('hall.detail.patentNumber'), dataIndex: 'number', width: 180 },
        { title: t('hall.detail.patentTitle'), dataIndex: 'title' },
        { title: t('hall.detail.patentOwner'), dataIndex: 'owner', width: 200 },
      ]}
    />
  );
}
