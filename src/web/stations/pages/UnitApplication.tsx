import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { PageHead } from '../../console/PageHead';
import { applicationsApi, stationsApi } from '../api';
import { ApplicationTimeline } from '../components/ApplicationTimeline';
import { ApplicationView } from '../components/ApplicationView';
import { DecisionPanel } from '../components/DecisionPanel';
import { DetailFrame } from '../components/DetailFrame';
import { StateTag, stateLabel } from '../components/StateTag';
import { ApplicationEditor } from '../form/ApplicationEditor';
import { useApplication } from '../hooks/useApplication';
import type { ApplicationDetail } from '../types';

const BACK = '/console/station-applications';

/** The unit's own application: the editor while it may be edited, otherwise a read-only record. */
export function UnitApplication({ id }: { id: number }) {
  const { t } = useI18n();
  const app = useApplication(id);
  return (
    <DetailFrame app={app} back={BACK}>
      {(d) => (
        <>
          <PageHead
            title={t('st.edit.title', { id: d.id })}
            lead={
              <Space size={8} wrap>
                <StateTag state={d.state} />
                <span>{d.unit.name}</span>
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
                <Link to={BACK}>
                  <Button>{t('action.back')}</Button>
                </Link>
              </Space>
            }
          />
          {d.actions.includes('edit') ? (
            <ApplicationEditor
              key={`${d.state}:${app.version}`}
              detail={d}
              onDetail={app.setDetail}
              onReload={app.reload}
            />
          ) : (
            <ReadOnly detail={d} onDetail={app.setDetail} onReload={app.reload} />
          )}
        </>
      )}
    </DetailFrame>
  );
}

function ReadOnly({
  detail: d,
  onDetail,
  onReload,
}: {
  detail: ApplicationDetail;
  onDetail(d: ApplicationDetail): void;
  onReload(): void;
}) {
  const { t, lang } = useI18n();
  return (
    <>
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
      {!d.station && (
        <Alert
          type={d.state === 'rejected' ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('st.edit.readOnly', { state: stateLabel(d.state, lang) })}
          description={d.lastOpinion ? <p className="st-opinion">{d.lastOpinion}</p> : undefined}
        />
      )}
      <Row gutter={16} align="top">
        <Col xs={24} xl={17}>
          <ApplicationView form={d.form} detail={d} sealedScan={d.sealedScan} />
        </Col>
        <Col xs={24} xl={7}>
          <div className="st-side">
            {d.actions.includes('withdraw') && (
              <Card size="small" title={t('st.unitActions')}>
                <DecisionPanel detail={d} onDetail={onDetail} onReload={onReload} size="small" />
              </Card>
            )}
            <Card size="small" title={t('st.timeline')}>
              <ApplicationTimeline events={d.timeline} createdAt={d.createdAt} />
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}
