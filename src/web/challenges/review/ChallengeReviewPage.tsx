import { Alert, Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Forbidden } from '../../console/Forbidden';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import '../../stations/stations.css';
import { challengesApi } from '../api';
import { ChallengeFields } from '../components/ChallengeFields';
import { ChallengeStateTag } from '../components/ChallengeStateTag';
import { ChallengeTimeline } from '../components/ChallengeTimeline';
import { isFull, type ChallengeFull } from '../types';
import { DecisionCard } from './DecisionCard';

const BACK = '/console/challenge-review';

/** A reviewer's page: the whole posting (public and confidential part), the commitment, history, decision. */
export default function ChallengeReviewPage() {
  const { id } = useParams();
  const { user } = useSession();
  const cid = Number(id);
  if (!user || !Number.isInteger(cid) || cid <= 0) return <Forbidden notFound />;
  if (user.role !== 'municipal_officer' && user.role !== 'national_reviewer') return <Forbidden />;
  return <Review key={cid} id={cid} />;
}

function Review({ id }: { id: number }) {
  const { t } = useI18n();
  const loaded = useRequest(`challenge:${id}`, () => challengesApi.get(id));
  const [fresh, setFresh] = useState<ChallengeFull | null>(null);
  const data = loaded.data;
  const d = fresh ?? (data && isFull(data) ? data : null);

  if (loaded.error && !d) {
    if (loaded.error.code === 'NOT_FOUND')
      return (
        <Result
          status="404"
          title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('common.notFound')}</h1>}
          extra={
            <Link to={BACK}>
              <Button type="primary">{t('cr.review.back')}</Button>
            </Link>
          }
        />
      );
    return <Alert type="error" showIcon role="alert" title={loaded.error.message} />;
  }
  if (!d) {
    // A published posting seen without the insider's view would only show its public part.
    if (data && !isFull(data)) return <Forbidden notFound />;
    return (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  const reload = () => {
    setFresh(null);
    loaded.reload();
  };
  return (
    <>
      <PageHead
        title={`${t('cr.review.title', { id: d.id })} · ${d.title}`}
        lead={
          <Space size={8} wrap>
            <ChallengeStateTag state={d.state} />
            <span>
              {d.region?.name} · {t('cr.col.submittedAt')} {formatDateTime(d.submittedAt)}
            </span>
          </Space>
        }
        extra={
          <Space wrap>
            {d.state === 'published' && (
              <Link to={`/hall/${d.id}`}>
                <Button>{t('cr.review.toHall')}</Button>
              </Link>
            )}
            <Link to={BACK}>
              <Button>{t('cr.review.back')}</Button>
            </Link>
          </Space>
        }
      />
      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <ChallengeFields challenge={d} />
        </Col>
        <Col xs={24} xl={8}>
          <div className="st-side">
            <DecisionCard detail={d} onDetail={setFresh} onReload={reload} />
            <Card size="small" title={t('cr.review.commitment')}>
              {d.commitment ? (
                <span data-testid="commitment">
                  {d.commitment.title}
                  <br />
                  {t('cr.review.commitmentAt', {
                    name: d.commitment.username,
                    at: formatDateTime(d.commitment.acceptedAt),
                    version: d.commitment.version,
                  })}
                </span>
              ) : (
                <span className="st-empty">{t('cr.review.noCommitment')}</span>
              )}
            </Card>
            <Card size="small" title={t('cr.review.timeline')}>
              <ChallengeTimeline events={d.timeline} createdAt={d.createdAt} />
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}
