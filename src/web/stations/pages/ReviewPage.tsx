import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space } from 'antd';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { Forbidden } from '../../console/Forbidden';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { applicationsApi, stationsApi } from '../api';
import { ApplicationTimeline } from '../components/ApplicationTimeline';
import { ApplicationView } from '../components/ApplicationView';
import { DecisionPanel } from '../components/DecisionPanel';
import { DetailFrame } from '../components/DetailFrame';
import { EligibilityPanel } from '../components/EligibilityPanel';
import { StateTag } from '../components/StateTag';
import { useApplication } from '../hooks/useApplication';
import { MatchPriorityAlert } from '../../followup/MatchPriority';
import type { ApplicationDetail } from '../types';
import '../stations.css';

const BASE = { district_officer: '/console/station-review', municipal_officer: '/console/station-certify' };

/** An office's review page: every section with its evidence, the history and the decision buttons. */
export default function ReviewPage() {
  const { id } = useParams();
  const { user } = useSession();
  const { pathname } = useLocation();
  const appId = Number(id);
  if (!user || !Number.isInteger(appId) || appId <= 0) return <Forbidden notFound />;
  if (user.role !== 'district_officer' && user.role !== 'municipal_officer') return <Forbidden />;
  const base = BASE[user.role];
  if (!pathname.startsWith(base)) return <Navigate to={`${base}/${appId}`} replace />;
  return <Review id={appId} back={base} municipal={user.role === 'municipal_officer'} />;
}

function Review({ id, back, municipal }: { id: number; back: string; municipal: boolean }) {
  const { t } = useI18n();
  const app = useApplication(id);
  return (
    <DetailFrame app={app} back={back}>
      {(d) => (
        <>
          <PageHead
            title={`${t('st.review.title', { id: d.id })} · ${d.unit.name}`}
            lead={
              <Space size={8} wrap>
                <StateTag state={d.state} />
                <span>
                  {d.region.name} · {t('st.col.submittedAt')} {formatDateTime(d.submittedAt)}
                </span>
              </Space>
            }
            extra={
              <Space wrap>
                <Button
                  href={applicationsApi.pdfUrl(d.id)}
                  target="_blank"
                  icon={<FilePdfOutlined aria-hidden="true" />}
                >
                  {t('st.pdf')}
                </Button>
                <Link to={back}>
                  <Button>{t('action.back')}</Button>
                </Link>
              </Space>
            }
          />
          {d.station && (
            <Alert
              type="success"
              showIcon
              icon={<SafetyCertificateOutlined />}
              style={{ marginBottom: 16 }}
              title={t('st.review.station', { number: d.station.number })}
              action={
                <Button href={stationsApi.certificateUrl(d.station.id)} target="_blank">
                  {t('st.review.certificate')}
                </Button>
              }
            />
          )}
          <MatchPriorityAlert flag={d.matchPriority} />
          <Row gutter={16} align="top">
            <Col xs={24} xl={16}>
              <ApplicationView form={d.form} detail={d} flagged={d.flagged} sealedScan={d.sealedScan} />
            </Col>
            <Col xs={24} xl={8}>
              <div className="st-side">
                <DecisionCard
                  detail={d}
                  onDetail={app.setDetail}
                  onReload={app.reload}
                  municipal={municipal}
                />
                <EligibilityPanel result={d.eligibility} />
                <Card size="small" title={t('st.timeline')}>
                  <ApplicationTimeline events={d.timeline} createdAt={d.createdAt} />
                </Card>
              </div>
            </Col>
          </Row>
        </>
      )}
    </DetailFrame>
  );
}

function DecisionCard({
  detail: d,
  onDetail,
  onReload,
  municipal,
}: {
  detail: ApplicationDetail;
  onDetail(d: ApplicationDetail): void;
  onReload(): void;
  municipal: boolean;
}) {
  const { t } = useI18n();
  const decisions = d.actions.filter((a) => a !== 'edit');
  return (
    <Card size="small" title={t('st.review.decision')} data-testid="decision">
      {d.batch && (
        <p style={{ marginTop: 0 }}>
          {municipal ? (
            <Link to={`/console/cert-batches/${d.batch.id}`}>
              {t('st.review.inBatch', { name: d.batch.name })}
            </Link>
          ) : (
            t('st.review.inBatch', { name: d.batch.name })
          )}
        </p>
      )}
      {d.lastOpinion && <p className="st-opinion">{d.lastOpinion}</p>}
      {decisions.length > 0 ? (
        <DecisionPanel detail={d} onDetail={onDetail} onReload={onReload} />
      ) : municipal && d.state === 'recommended' && !d.batch ? (
        <Alert type="info" showIcon title={t('st.review.needBatch')} />
      ) : (
        <span className="st-empty">{t('st.review.noActions')}</span>
      )}
    </Card>
  );
}
