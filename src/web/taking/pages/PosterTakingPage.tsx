import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { NeedMatchPanel } from '../../organiser/NeedMatchPanel';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { takingApi } from '../api';
import { AccessLog } from '../components/AccessLog';
import { DecisionTag, TakingStateTag } from '../components/labels';
import type { SignupView, SolutionView } from '../types';

export function takerName(
  s: Pick<SignupView, 'takerKind' | 'teamName' | 'unit' | 'members' | 'leaderUserId'>,
) {
  if (s.takerKind === 'unit') return s.unit?.name ?? '—';
  const leader = s.members.find((m) => m.userId === s.leaderUserId)?.name ?? '';
  return s.takerKind === 'team' ? `${s.teamName}（${leader}）` : leader;
}

/**
 * /console/challenges/:id/takers — the poster's view of its need's 揭榜: the sign-ups, the submitted
 * solutions with their decisions, and who viewed the need's confidential part.
 */
export default function PosterTakingPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const signups = useRequest(valid ? `tk-poster-signups:${id}` : null, () => takingApi.challengeSignups(id));
  const solutions = useRequest(valid ? `tk-poster-solutions:${id}` : null, () =>
    takingApi.challengeSolutions(id),
  );
  const title = signups.data?.items[0]?.challenge.title ?? '';
  const error = signups.error ?? solutions.error;
  return (
    <>
      <p style={{ margin: '0 0 12px' }}>
        <Link to={`/console/challenges/${id}`}>
          <ArrowLeftOutlined aria-hidden="true" /> {t('tk.poster.back')}
        </Link>
      </p>
      <PageHead title={title ? `${t('tk.poster.title')}：${title}` : t('tk.poster.title')} />
      {(!valid || error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={!valid || error?.status === 404 ? t('common.notFound') : error?.message}
        />
      )}
      <Card
        size="small"
        title={t('tk.poster.solutions')}
        style={{ marginBottom: 16 }}
        data-testid="poster-solutions"
      >
        <Table<SolutionView>
          rowKey="id"
          size="middle"
          loading={solutions.loading}
          dataSource={solutions.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('tk.poster.noSolutions') }}
          columns={[
            {
              title: t('tk.col.taker'),
              key: 'taker',
              render: (_: unknown, s) => s.teamName || s.team.map((m) => m.name).join('、'),
            },
            { title: t('tk.col.kind'), key: 'kind', render: (_: unknown, s) => t(`tk.kind.${s.takerKind}`) },
            {
              title: t('tk.page.state'),
              key: 'state',
              render: (_: unknown, s) => <TakingStateTag state={s.state} />,
            },
            {
              title: t('tk.col.decision'),
              key: 'decision',
              render: (_: unknown, s) => <DecisionTag decision={s.decision} />,
            },
            {
              title: t('tk.col.submittedAt'),
              key: 'at',
              render: (_: unknown, s) => formatDateTime(s.submittedAt),
            },
            {
              title: t('tk.col.actions'),
              key: 'open',
              render: (_: unknown, s) => (
                <Link to={`/console/solutions/${s.id}`}>{t('tk.poster.openSolution')}</Link>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('tk.poster.signups')}
        style={{ marginBottom: 16 }}
        data-testid="poster-signups"
      >
        <Table<SignupView>
          rowKey="id"
          size="middle"
          loading={signups.loading}
          dataSource={signups.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('tk.poster.noSignups') }}
          columns={[
            { title: t('tk.col.taker'), key: 'taker', render: (_: unknown, s) => takerName(s) },
            { title: t('tk.col.kind'), key: 'kind', render: (_: unknown, s) => t(`tk.kind.${s.takerKind}`) },
            {
              title: t('tk.col.members'),
              key: 'members',
              render: (_: unknown, s) =>
                s.members
                  .filter((m) => m.state === 'confirmed' || m.role === 'leader')
                  .map((m) => m.name)
                  .join('、') || '—',
            },
            {
              title: t('tk.col.state'),
              key: 'state',
              render: (_: unknown, s) => <TakingStateTag state={s.state} />,
            },
            {
              title: t('tk.col.signedAt'),
              key: 'at',
              render: (_: unknown, s) => formatDateTime(s.createdAt),
            },
          ]}
        />
      </Card>
      {valid && <NeedMatchPanel challengeId={id} office={false} />}
      {valid && <AccessLog id={`challenge:${id}`} load={() => takingApi.challengeAccessLog(id)} />}
    </>
  );
}
