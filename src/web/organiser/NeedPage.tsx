import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { organiserApi } from './api';
import { VerificationTag } from './labels';
import { NeedMatchPanel } from './NeedMatchPanel';
import { VerifyButtons } from './VerifyButtons';

/** 对接服务 for one need (offices): its verification, the recommended takers, and the suggestions made. */
export default function NeedPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const v = useRequest(valid ? `org-need-v:${id}` : null, () => organiserApi.verification('challenge', id));
  const recs = useRequest(valid ? `org-need-title:${id}` : null, () => organiserApi.recommendTakers(id));
  const title = recs.data?.need.title ?? '';
  return (
    <>
      <p style={{ margin: '0 0 12px' }}>
        <Link to="/console/organiser/engagements">
          <ArrowLeftOutlined aria-hidden="true" /> {t('org.ov.title')}
        </Link>
      </p>
      <PageHead title={title ? `${t('org.need.title')}：${title}` : t('org.need.title')} />
      {(!valid || v.error) && (
        <Alert type="error" showIcon title={v.error?.message ?? ''} style={{ marginBottom: 16 }} />
      )}
      {v.data && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('org.v.col.state')}>
              <VerificationTag state={v.data.state} />
              {v.data.by && `${v.data.note || ''}（${v.data.by} ${formatDateTime(v.data.at)}）`}
            </Descriptions.Item>
            <Descriptions.Item label={t('org.need.hall')}>
              <Link to={`/hall/${id}`}>{title || id}</Link>
            </Descriptions.Item>
          </Descriptions>
          <VerifyButtons type="challenge" id={id} actions={v.data.actions} onDone={v.reload} />
        </Card>
      )}
      {valid && !v.error && <NeedMatchPanel challengeId={id} office />}
    </>
  );
}
