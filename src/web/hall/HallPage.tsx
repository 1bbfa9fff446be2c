import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DOMAINS } from '../../shared/roles';
import { DOMAIN_LABELS } from '../../shared/labels';
import { CHALLENGE_KINDS, type ChallengeKind } from '../../shared/challenges/form';
import { publicApi } from '../api/endpoints';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/format';
import { asApiError, useRequest } from '../lib/useRequest';
import { useDocumentTitle } from '../lib/useTitle';
import { hallApi } from './api';
import { KIND_COLOR, STATUS_COLOR } from './colors';
import { Highlight } from './Highlight';
import type { HallItem, HallSort, HallStatus } from './types';

const PAGE_SIZE = 20;

/** 榜单大厅: search and filter the published postings; keyset paging with “加载更多”. */
export default function HallPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('hall.title'));
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ChallengeKind | undefined>();
  const [domain, setDomain] = useState<string | undefined>();
  const [regionId, setRegionId] = useState<number | undefined>();
  const [status, setStatus] = useState<HallStatus | undefined>();
  const [sort, setSort] = useState<HallSort | undefined>();
  const [more, setMore] = useState<{ key: string; items: HallItem[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreErr, setMoreError] = useState<{ key: string; message: string } | null>(null);

  const effectiveSort: HallSort = sort === 'relevance' && !q ? 'date' : (sort ?? (q ? 'relevance' : 'date'));
  const filters = {
    kind,
    domain,
    regionId,
    status,
    sort: effectiveSort,
    q: q || undefined,
    limit: PAGE_SIZE,
  };
  const key = JSON.stringify(filters);
  const districts = useRequest('districts', () => publicApi.regions({ kind: 'district' })).data ?? [];
  const list = useRequest(`hall:${key}`, () => hallApi.list(filters));

  const extra = more && more.key === key ? more : null;
  const moreError = moreErr && moreErr.key === key ? moreErr.message : null;
  const items = [...(list.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra ? extra.next : (list.data?.nextCursor ?? null);

  const loadMore = () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    hallApi.list({ ...filters, cursor: nextCursor }).then(
      (page) => {
        setMore({ key, items: [...(extra?.items ?? []), ...page.items], next: page.nextCursor });
        setLoadingMore(false);
      },
      (err: unknown) => {
        setMoreError({ key, message: asApiError(err).message });
        setLoadingMore(false);
      },
    );
  };

  const search = (value: string) => {
    const next = value.trim().slice(0, 200);
    setQ(next);
    if (!next && sort === 'relevance') setSort(undefined);
  };

  const sortOptions: HallSort[] = q
    ? ['relevance', 'date', 'deadline', 'budget']
    : ['date', 'deadline', 'budget'];

  return (
    <div className="portal-page">
      <h1 className="page-title">{t('hall.title')}</h1>
      <p className="page-lead">{t('hall.lead')}</p>
      <Card style={{ marginBottom: 16 }}>
        <div role="group" aria-label={t('hall.filters')}>
          <form
            role="search"
            aria-label={t('hall.qLabel')}
            onSubmit={(e) => {
              e.preventDefault();
              search(input);
            }}
            style={{ display: 'flex', gap: 8, marginBottom: 16, maxWidth: 640 }}
          >
            <label htmlFor="hall-search" className="visually-hidden">
              {t('hall.qLabel')}
            </label>
            <Input
              id="hall-search"
              type="search"
              allowClear
              maxLength={200}
              value={input}
              onChange={(e) => {
                setInput(e.target.value);
                if (!e.target.value) search('');
              }}
              placeholder={t('hall.q')}
              prefix={<SearchOutlined aria-hidden="true" />}
            />
            <Button type="primary" htmlType="submit">
              {t('hall.search')}
            </Button>
          </form>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
            <Select<ChallengeKind>
              aria-label={t('hall.kind')}
              allowClear
              placeholder={t('hall.kind')}
              style={{ width: 150 }}
              value={kind}
              onChange={setKind}
              options={CHALLENGE_KINDS.map((k) => ({ value: k, label: t(`hall.kind.${k}`) }))}
            />
            <Select<string>
              aria-label={t('hall.domain')}
              allowClear
              placeholder={t('hall.domain')}
              style={{ width: 200 }}
              value={domain}
              onChange={setDomain}
              options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }))}
            />
            <Select<number>
              aria-label={t('hall.region')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('hall.region')}
              style={{ width: 170 }}
              value={regionId}
              onChange={setRegionId}
              options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
            />
            <Select<HallStatus>
              aria-label={t('hall.status')}
              allowClear
              placeholder={t('hall.status')}
              style={{ width: 130 }}
              value={status}
              onChange={setStatus}
              options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`hall.status.${s}`) }))}
            />
            <Select<HallSort>
              aria-label={t('hall.sort')}
              style={{ width: 140 }}
              value={effectiveSort}
              onChange={setSort}
              options={sortOptions.map((s) => ({ value: s, label: t(`hall.sort.${s}`) }))}
            />
            <span role="status" aria-live="polite" style={{ color: 'var(--text-2)' }}>
              {list.loading
                ? t('common.loading')
                : list.data && list.data.ranked < list.data.total
                  ? t('hall.countRanked', { n: list.data.total, k: list.data.ranked })
                  : t('hall.count', { n: list.data?.total ?? 0 })}
            </span>
          </div>
        </div>
      </Card>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <section aria-label={t('hall.results')}>
        {list.data && items.length === 0 ? (
          <Card>
            <Empty description={t('hall.empty')} />
          </Card>
        ) : (
          <ul
            className="hall-list"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="hall-list"
          >
            {items.map((item) => (
              <li key={item.id} style={{ marginBottom: 12 }}>
                <HallCard item={item} />
              </li>
            ))}
          </ul>
        )}
        {moreError && <Alert type="error" showIcon title={moreError} style={{ marginBottom: 16 }} />}
        {nextCursor && (
          <div style={{ textAlign: 'center', marginTop: 8 }}>
            <Button onClick={loadMore} loading={loadingMore}>
              {t('hall.more')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}

function HallCard({ item }: { item: HallItem }) {
  const { t } = useI18n();
  const domainLabel = DOMAIN_LABELS[item.domain as keyof typeof DOMAIN_LABELS] ?? item.domain;
  return (
    <Card size="small" data-testid="hall-card">
      <article aria-labelledby={`hall-item-${item.id}`}>
        <Space size={6} wrap style={{ marginBottom: 6 }}>
          <Tag color={KIND_COLOR[item.kind]}>{t(`hall.kind.${item.kind}`)}</Tag>
          <Tag color={STATUS_COLOR[item.status]}>{t(`hall.status.${item.status}`)}</Tag>
        </Space>
        <h2 id={`hall-item-${item.id}`} style={{ fontSize: 17, margin: '0 0 6px' }}>
          <Link to={`/hall/${item.id}`}>
            <Highlight
              parts={item.titleParts.length ? item.titleParts : [{ text: item.title, hit: false }]}
            />
          </Link>
        </h2>
        {item.snippetParts.length > 0 && (
          <p style={{ margin: '0 0 8px', color: 'var(--text-2)' }}>
            <Highlight parts={item.snippetParts} />
          </p>
        )}
        <dl className="hall-meta" style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 20px', margin: 0 }}>
          <Meta label={t('hall.domain')} value={domainLabel} />
          <Meta label={t('hall.region')} value={item.region.name} />
          <Meta label={t('hall.deadline')} value={formatDate(item.deadline)} />
          <Meta label={t('hall.budget')} value={t('hall.wan', { n: item.budgetWan })} />
          <Meta label={t('hall.publishedAt')} value={formatDate(item.publishedAt)} />
        </dl>
      </article>
    </Card>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div style={{ display: 'flex', gap: 4 }}>
      <dt style={{ color: 'var(--text-2)' }}>{label}：</dt>
      <dd style={{ margin: 0 }}>{value}</dd>
    </div>
  );
}
