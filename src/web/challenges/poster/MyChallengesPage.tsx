import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Page } from '../../api/types';
import { PageHead } from '../../console/PageHead';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { challengesApi } from '../api';
import { ChallengeStateTag } from '../components/ChallengeStateTag';
import { challengeKindLabel, challengeStateLabel, domainLabel } from '../labels';
import {
  CHALLENGE_STATES,
  type ChallengeKind,
  type ChallengeListItem,
  type ChallengeQuery,
  type ChallengeState,
} from '../types';
import { filterSetter } from '../../lib/searchParams';

const PAGE_SIZE = 20;
const KINDS: ChallengeKind[] = ['tech', 'transfer'];
export const posterPath = (id: number) => `/console/challenges/${id}`;

/** Every posting of mine (pages of 100), for the statistic cards. */
async function loadAllMine(): Promise<ChallengeListItem[]> {
  const all: ChallengeListItem[] = [];
  for (let page = 1; page <= 100; page++) {
    const res: Page<ChallengeListItem> = await challengesApi.mine({ page, pageSize: 100 });
    all.push(...res.items);
    if (all.length >= res.total || res.items.length === 0) break;
  }
  return all;
}

const GROUPS: Array<{ key: MessageKey; states: ChallengeState[] }> = [
  { key: 'chp.stat.draft', states: ['draft', 'returned'] },
  { key: 'chp.stat.reviewing', states: ['submitted', 'national_review'] },
  { key: 'chp.stat.published', states: ['published'] },
];

/** 我的张榜: statistic cards, my postings with filters and paging, new postings, the Excel export. */
export default function MyChallengesPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') ?? undefined) as ChallengeState | undefined;
  const kind = (params.get('kind') ?? undefined) as ChallengeKind | undefined;
  const page = Number(params.get('page')) || 1;
  const filters: ChallengeQuery = { state, kind, page, pageSize: PAGE_SIZE };
  const list = useRequest(`my-challenges:${JSON.stringify(filters)}`, () => challengesApi.mine(filters));
  const all = useRequest('my-challenges:all', loadAllMine);
  const items = all.data ?? [];
  const postKind: ChallengeKind | null =
    user?.role === 'unit' ? 'tech' : user?.role === 'individual' ? 'transfer' : null;

  const set = filterSetter(setParams);

  const columns: ColumnsType<ChallengeListItem> = [
    {
      title: t('chp.col.title'),
      dataIndex: 'title',
      render: (title: string, r) => <Link to={posterPath(r.id)}>{title}</Link>,
    },
    {
      title: t('chp.col.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: string) => challengeKindLabel(k, lang),
    },
    {
      title: t('chp.col.domain'),
      dataIndex: 'domain',
      responsive: ['lg'],
      render: (d: string) => domainLabel(d, lang),
    },
    {
      title: t('chp.col.state'),
      dataIndex: 'state',
      width: 150,
      render: (s: ChallengeState) => <ChallengeStateTag state={s} />,
    },
    { title: t('chp.col.deadline'), dataIndex: 'deadline', width: 120, render: formatDate },
    { title: t('chp.col.views'), dataIndex: 'views', width: 80, align: 'right' },
    { title: t('chp.col.signups'), dataIndex: 'signups', width: 80, align: 'right' },
    {
      title: t('chp.col.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['md'],
      render: formatDateTime,
    },
  ];

  const count = (states: ChallengeState[]) => items.filter((i) => states.includes(i.state)).length;
  const sum = (f: (i: ChallengeListItem) => number) => items.reduce((n, i) => n + f(i), 0);

  return (
    <>
      <PageHead
        title={t('chp.mine.title')}
        lead={t('chp.mine.lead')}
        extra={
          <Space wrap>
            {postKind && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden="true" />}
                onClick={() => navigate(`/console/challenges/new/${postKind}`)}
              >
                {t(postKind === 'tech' ? 'chp.mine.newTech' : 'chp.mine.newTransfer')}
              </Button>
            )}
            <Button
              href={challengesApi.mineExportUrl({ state, kind }, lang)}
              icon={<DownloadOutlined aria-hidden="true" />}
              download
            >
              {t('chp.mine.export')}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="challenge-stats">
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={all.loading && !all.data}>
            <Statistic title={t('chp.stat.total')} value={items.length} />
          </Card>
        </Col>
        {GROUPS.map((g) => (
          <Col key={g.key} xs={12} md={8} xl={4}>
            <Card size="small" loading={all.loading && !all.data}>
              <Statistic title={t(g.key)} value={count(g.states)} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={all.loading && !all.data}>
            <Statistic title={t('chp.stat.views')} value={sum((i) => i.views)} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={all.loading && !all.data}>
            <Statistic title={t('chp.stat.signups')} value={sum((i) => i.signups)} />
          </Card>
        </Col>
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('chp.mine.filterState')}
            style={{ width: 180 }}
            value={state ?? 'all'}
            onChange={(v: string) => set({ state: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('chp.mine.allStates') },
              ...CHALLENGE_STATES.map((s) => ({
                value: s,
                label:
                  lang === 'en'
                    ? `${challengeStateLabel(s, lang)} (${count([s])})`
                    : `${challengeStateLabel(s, lang)}（${count([s])}）`,
              })),
            ]}
          />
          <Select
            aria-label={t('chp.mine.filterKind')}
            style={{ width: 200 }}
            value={kind ?? 'all'}
            onChange={(v: string) => set({ kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('chp.mine.allKinds') },
              ...KINDS.map((k) => ({ value: k, label: challengeKindLabel(k, lang) })),
            ]}
          />
        </Space>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<ChallengeListItem>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          data-testid="my-challenges"
          locale={{ emptyText: t('chp.mine.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => set({ page: p === 1 ? undefined : String(p) }),
          }}
        />
      </Card>
    </>
  );
}
