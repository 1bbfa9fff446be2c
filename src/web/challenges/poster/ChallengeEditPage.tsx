import { Alert, Spin } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { CHALLENGE_KINDS } from '../../../shared/challenges/form';
import { useI18n } from '../../i18n';
import { useRequest } from '../../lib/useRequest';
import { VerificationNotice } from '../../organiser/VerificationNotice';
import { useSession } from '../../session/SessionContext';
import { challengesApi } from '../api';
import { isFull, type ChallengeFull, type ChallengeKind } from '../types';
import { ChallengeDetailView } from './ChallengeDetailView';
import { ChallengeEditor } from './ChallengeEditor';

/** Which kind each role posts (the server checks the poster's eligibility again). */
const KIND_OF_ROLE: Record<string, ChallengeKind> = { unit: 'tech', individual: 'transfer' };

/**
 * The poster's page of one posting: `challenges/new/:kind` starts one, `challenges/:id` edits a draft or
 * returned posting, or shows any other read-only with its state, statistics, history and actions.
 * When the first save of a new posting moves the address to its id (state `continued`), the same
 * editor stays mounted, so nothing typed in the meantime is lost and the focus stays put.
 */
export default function ChallengeEditPage() {
  const params = useParams();
  const location = useLocation();
  const id = params.id !== undefined ? Number(params.id) : null;
  const urlKey = id !== null ? `id-${params.id}` : `new-${params.kind ?? ''}`;
  const continued = (location.state as { continued?: unknown } | null)?.continued === true;
  const [keys, setKeys] = useState({ url: urlKey, editor: urlKey });
  if (keys.url !== urlKey) setKeys({ url: urlKey, editor: continued ? keys.editor : urlKey });
  return <PosterChallenge key={keys.editor} id={id} kind={params.kind ?? null} />;
}

function PosterChallenge({ id, kind }: { id: number | null; kind: string | null }) {
  const { t } = useI18n();
  const { user } = useSession();
  // Frozen at mount: the first save of a new posting moves the address without remounting this page.
  const [startId] = useState(id);
  const [startKind] = useState(kind);
  const valid = startId === null || (Number.isInteger(startId) && startId > 0);
  const res = useRequest(startId !== null && valid ? `poster-challenge:${startId}` : null, () =>
    challengesApi.get(startId ?? 0),
  );
  const [override, setOverride] = useState<ChallengeFull | null>(null);
  const notFound = (
    <Alert
      type="error"
      showIcon
      title={t('common.notFound')}
      description={<Link to="/console/challenges">{t('chp.edit.back')}</Link>}
    />
  );

  if (startId === null) {
    if (!(CHALLENGE_KINDS as readonly string[]).includes(startKind ?? '')) return notFound;
    const k = startKind as ChallengeKind;
    if (override && !override.actions.includes('edit'))
      return <ChallengeDetailView challenge={override} onChanged={setOverride} />;
    if (!user || KIND_OF_ROLE[user.role] !== k)
      return <Alert type="warning" showIcon role="alert" title={t('chp.edit.notAllowed')} />;
    return <ChallengeEditor kind={k} initial={null} onChanged={setOverride} />;
  }
  if (!valid) return notFound;
  if (res.error && !override)
    return res.error.status === 404 ? notFound : <Alert type="error" showIcon title={res.error.message} />;
  const c = override ?? (res.data && isFull(res.data) ? res.data : null);
  if (!c) {
    if (!res.data)
      return (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      );
    return notFound;
  }
  return (
    <>
      {c.state !== 'draft' && <VerificationNotice type="challenge" id={c.id} />}
      {c.actions.includes('edit') ? (
        <ChallengeEditor kind={c.kind} initial={c} onChanged={setOverride} />
      ) : (
        <ChallengeDetailView challenge={c} onChanged={setOverride} />
      )}
    </>
  );
}
