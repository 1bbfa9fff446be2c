import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { FileList } from '../../stations/components/FileLink';
import { takingApi } from '../api';
import { AccessLog } from '../components/AccessLog';
import { ConfidentialityGate } from '../components/ConfidentialityGate';
import { DecisionPanel } from '../components/DecisionPanel';
import { History } from '../components/History';
import { DecisionTag, TakingStateTag } from '../components/labels';
import { DecisionBanner, SolutionContentView } from '../components/SolutionSummary';
import { Thread } from '../components/Thread';
import type { SolutionView } from '../types';

/**
 * /console/solutions/:id — one solution for the poster's side, the taker's side and the municipal
 * office: content, attachments (behind the poster's 保密书), the decision with its buttons from
 * `actions`, the engagement thread, the history and (for the taker) who downloaded the attachments.
 */
export default function SolutionPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const res = useRequest(valid ? `tk-solution-page:${id}` : null, () => takingApi.solution(id));
  const [override, setOverride] = useState<SolutionView | null>(null);
  const s = override ?? res.data;
  if (!valid || (res.error && !s))
    return (
      <Alert
        type="error"
        showIcon
        title={!valid || res.error?.status === 404 ? t('common.notFound') : res.error?.message}
      />
    );
  if (!s)
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  return (
    <Solution
      s={s}
      onChanged={setOverride}
      onReload={() => {
        setOverride(null);
        res.reload();
      }}
    />
  );
}

function Solution({
  s,
  onChanged,
  onReload,
}: {
  s: SolutionView;
  onChanged: (s: SolutionView) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const files = new Map((s.attachments ?? []).map((f) => [f.id, f]));
  const isTaker = s.actions.includes('edit') || s.actions.includes('access_log');
  const taker = s.teamName || s.team.map((m) => m.name).join('、');
  const back = isTaker ? (
    <Link to={`/console/taking/${s.signupId}`}>
      <ArrowLeftOutlined aria-hidden="true" /> {t('tk.detail.back')}
    </Link>
  ) : user?.role === 'unit' || user?.role === 'individual' ? (
    <Link to={`/console/challenges/${s.challengeId}/takers`}>
      <ArrowLeftOutlined aria-hidden="true" /> {t('tk.poster.title')}
    </Link>
  ) : null;
  return (
    <>
      {back && <p style={{ margin: '0 0 12px' }}>{back}</p>}
      <PageHead
        title={`${t('tk.page.title')}：${s.challengeTitle}`}
        extra={<DecisionTag decision={s.decision} />}
      />
      <DecisionBanner solution={s} />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('tk.page.decision')}
        extra={<DecisionPanel solution={s} onChanged={onChanged} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'taker', label: t('tk.col.taker'), children: taker || '—' },
            { key: 'kind', label: t('tk.col.kind'), children: t(`tk.kind.${s.takerKind}`) },
            { key: 'state', label: t('tk.page.state'), children: <TakingStateTag state={s.state} /> },
            {
              key: 'decision',
              label: t('tk.page.decision'),
              children: <DecisionTag decision={s.decision} />,
            },
            { key: 'sub', label: t('tk.col.submittedAt'), children: formatDateTime(s.submittedAt) },
            { key: 'rev', label: t('tk.page.revision'), children: s.revision },
            {
              key: 'members',
              label: t('tk.col.members'),
              children: s.team.map((m) => m.name).join('、') || '—',
            },
            ...(isTaker && s.actions.includes('edit')
              ? [
                  {
                    key: 'edit',
                    label: t('tk.page.edit'),
                    children: <Link to={`/console/taking/${s.signupId}`}>{t('tk.page.edit')}</Link>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('tk.page.content')}
        style={{ marginBottom: 16 }}
        data-testid="solution-content"
      >
        <SolutionContentView solution={s} />
      </Card>
      {s.actions.includes('accept_confidentiality') && (
        <ConfidentialityGate challengeId={s.challengeId} side="poster" onAccepted={onReload} />
      )}
      <Card
        size="small"
        title={t('tk.page.attachments')}
        style={{ marginBottom: 16 }}
        data-testid="solution-files"
      >
        {s.attachments === null ? (
          t('tk.page.attachmentsLocked', { n: s.attachmentCount })
        ) : s.attachments.length === 0 ? (
          t('tk.page.noAttachments')
        ) : (
          <FileList
            ids={s.attachments.map((f) => f.id)}
            files={(fid) => files.get(fid)}
            urlOf={(fid) => takingApi.solutionFileUrl(s.id, fid)}
          />
        )}
      </Card>
      {s.state !== 'draft' && <Thread solutionId={s.id} canWrite={s.actions.includes('message')} />}
      <History solutionId={s.id} version={`${s.revision}:${s.decision}:${s.state}`} />
      {s.actions.includes('access_log') && (
        <AccessLog id={`solution:${s.id}`} load={() => takingApi.solutionAccessLog(s.id)} />
      )}
    </>
  );
}
