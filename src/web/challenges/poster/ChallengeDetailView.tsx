import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { ChallengeFields } from '../components/ChallengeFields';
import { ChallengeStateTag } from '../components/ChallengeStateTag';
import { ChallengeTimeline } from '../components/ChallengeTimeline';
import { challengeKindLabel } from '../labels';
import type { ChallengeFull } from '../types';
import { PosterActions } from './PosterActions';

/** A posting the poster can no longer edit: its state, statistics, allowed actions, content and history. */
export function ChallengeDetailView({
  challenge: c,
  onChanged,
}: {
  challenge: ChallengeFull;
  onChanged: (c: ChallengeFull) => void;
}) {
  const { t, lang } = useI18n();
  const inHall = c.state === 'published' || c.state === 'closed';
  return (
    <>
      <p style={{ margin: '0 0 12px' }}>
        <Link to="/console/challenges">
          <ArrowLeftOutlined aria-hidden="true" /> {t('chp.edit.back')}
        </Link>
      </p>
      <PageHead title={c.title} extra={<ChallengeStateTag state={c.state} />} />
      {c.lastOpinion && (c.state === 'rejected' || c.state === 'withdrawn' || c.state === 'closed') && (
        <Alert
          type={c.state === 'rejected' ? 'error' : 'info'}
          showIcon
          title={t('chp.view.lastOpinion')}
          description={<div style={{ whiteSpace: 'pre-wrap' }}>{c.lastOpinion}</div>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('chp.view.state')}
            style={{ height: '100%' }}
            extra={<PosterActions challenge={c} onChanged={onChanged} />}
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'state', label: t('chp.view.state'), children: <ChallengeStateTag state={c.state} /> },
                { key: 'kind', label: t('chp.f.kind'), children: challengeKindLabel(c.kind, lang) },
                { key: 'sub', label: t('chp.view.submittedAt'), children: formatDateTime(c.submittedAt) },
                { key: 'pub', label: t('chp.view.publishedAt'), children: formatDateTime(c.publishedAt) },
                { key: 'upd', label: t('chp.view.updatedAt'), children: formatDateTime(c.updatedAt) },
                {
                  key: 'commit',
                  label: t('chp.view.commitment'),
                  children: c.commitment
                    ? `${c.commitment.title}（${formatDateTime(c.commitment.acceptedAt)}）`
                    : '—',
                },
                ...(inHall
                  ? [
                      {
                        key: 'hall',
                        label: t('nav.hall'),
                        children: <Link to={`/hall/${c.id}`}>{t('chp.view.inHall')}</Link>,
                      },
                      {
                        key: 'takers',
                        label: t('tk.poster.title'),
                        children: (
                          <Link to={`/console/challenges/${c.id}/takers`}>{t('tk.poster.open')}</Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={t('chp.view.stats')}
            style={{ height: '100%' }}
            data-testid="challenge-counters"
          >
            <Row gutter={16}>
              <Col span={12}>
                <Statistic title={t('chp.col.views')} value={c.views} />
              </Col>
              <Col span={12}>
                <Statistic title={t('chp.col.signups')} value={c.signups} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      <ChallengeFields challenge={c} />
      <Card size="small" title={t('chp.view.timeline')}>
        <ChallengeTimeline events={c.timeline} createdAt={c.createdAt} />
      </Card>
    </>
  );
}
