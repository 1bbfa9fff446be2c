import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { User } from '../../api/types';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { applyServerErrors } from '../../lib/formErrors';
import { useSession } from '../../session/SessionContext';
import { FileCacheProvider, useFileCache } from '../../stations/components/FileCache';
import { challengesApi } from '../api';
import { ChallengeStateTag } from '../components/ChallengeStateTag';
import { ChallengeTimeline } from '../components/ChallengeTimeline';
import type { ChallengeFull, ChallengeKind, CommitmentLetter } from '../types';
import { ChallengeFormFields } from './ChallengeFormFields';
import { CommitmentPanel } from './CommitmentPanel';
import { DraftStatus } from './DraftStatus';
import {
  clearLocalCopy,
  draftKey,
  readLocalCopy,
  savedTextOf,
  stableText,
  valuesOf,
  type FormValues,
  type LocalCopy,
} from './draftStore';
import { PosterActions } from './PosterActions';
import { useChallengeDraft } from './useChallengeDraft';

/** An empty form of `kind`, with the account's district and contact details filled in. */
function blank(kind: ChallengeKind, user: User): FormValues {
  const common = {
    kind,
    title: '',
    regionId: user.region?.id,
    deadline: '',
    confidential: {
      details: '',
      contact: {
        name: user.role === 'individual' ? (user.person?.name ?? user.displayName) : '',
        phone: user.phone ?? '',
        email: user.email ?? '',
      },
      attachmentIds: [],
    },
  };
  return kind === 'tech'
    ? { ...common, problem: '', indicators: '', expectedOutcome: '', support: '' }
    : { ...common, achievement: '', patents: [], ipOwnership: '', market: '', partnerSought: '' };
}

/** Which local copy to offer: restored at once when made on the server's revision, else on request. */
function localCopyFor(
  key: string,
  initial: ChallengeFull | null,
): { copy: LocalCopy; stale: boolean } | null {
  const copy = readLocalCopy(key);
  if (!copy) return null;
  if (!initial) return { copy, stale: false };
  if (stableText({ ...copy.values, kind: initial.kind }) === savedTextOf(initial)) return null;
  return { copy, stale: copy.revision !== initial.revision };
}

/** The posting form (new, draft or returned): autosaved, commitment, submit. */
export function ChallengeEditor(props: {
  kind: ChallengeKind;
  initial: ChallengeFull | null;
  onChanged: (c: ChallengeFull) => void;
}) {
  const { user } = useSession();
  const [local] = useState(() =>
    user ? localCopyFor(draftKey(user.id, props.initial?.id ?? null, props.kind), props.initial) : null,
  );
  if (!user) return null;
  return (
    <FileCacheProvider
      initial={[
        ...(props.initial?.attachments ?? []),
        ...(props.initial?.publicAttachments ?? []),
        ...(local?.copy.files ?? []),
      ]}
    >
      <EditorBody {...props} user={user} local={local} />
    </FileCacheProvider>
  );
}

function EditorBody({
  kind,
  initial,
  onChanged,
  user,
  local,
}: {
  kind: ChallengeKind;
  initial: ChallengeFull | null;
  onChanged: (c: ChallengeFull) => void;
  user: User;
  local: { copy: LocalCopy; stale: boolean } | null;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const cache = useFileCache();
  const [form] = Form.useForm<FormValues>();
  const [current, setCurrent] = useState<ChallengeFull | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState(local);
  const serverValues = initial ? valuesOf(initial) : blank(kind, user);
  const [startValues] = useState<FormValues>(() =>
    local && !local.stale ? local.copy.values : serverValues,
  );

  const draft = useChallengeDraft({
    userId: user.id,
    kind,
    initial,
    initialValues: startValues,
    enabled: true,
    filesOf: (v) => {
      const secret = (v.confidential as { attachmentIds?: number[] } | undefined)?.attachmentIds ?? [];
      const open = Array.isArray(v.attachmentIds) ? (v.attachmentIds as number[]) : [];
      return cache.pick([...open, ...secret]);
    },
    onCreated: (c) => {
      setCurrent(c);
      void message.success(t('chp.edit.created'));
      void navigate(`/console/challenges/${c.id}`, { replace: true, state: { continued: true } });
    },
    onServerError: (e) => setError(applyServerErrors(form, e)),
  });

  // A restored local copy is saved (or kept) like any other change.
  const restoredOnce = useRef(false);
  useEffect(() => {
    if (restoredOnce.current || !local || local.stale) return;
    restoredOnce.current = true;
    draft.change(form.getFieldsValue(true));
  }, [draft, form, local]);

  const values = () => form.getFieldsValue(true);

  /** Saves pending edits; when the form is incomplete, marks the fields and says so. */
  const ensureSaved = async (): Promise<number | null> => {
    setError(null);
    const ok = await draft.flush();
    const id = draft.currentId();
    if (ok && id !== null) return id;
    await form.validateFields().catch((e: unknown) => {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
    });
    setError(t('chp.edit.invalid'));
    return null;
  };

  const accept = async (letter: CommitmentLetter) => {
    const id = await ensureSaved();
    if (id === null) return;
    try {
      setCurrent(await challengesApi.acceptCommitment(id, letter.version));
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  const submit = async () => {
    const id = await ensureSaved();
    if (id === null) return;
    try {
      const next = await challengesApi.act(id, 'submit');
      clearLocalCopy(draftKey(user.id, id, kind));
      void message.success(t('chp.edit.submitted'));
      onChanged(next);
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  const restoreStale = () => {
    if (!notice) return;
    form.setFieldsValue(notice.copy.values);
    draft.change(values());
    setNotice(null);
  };
  const discardLocal = () => {
    form.resetFields();
    form.setFieldsValue(serverValues);
    clearLocalCopy(draftKey(user.id, current?.id ?? null, kind));
    draft.change(values());
    setNotice(null);
  };

  const title = current?.title || t(kind === 'tech' ? 'chp.edit.newTech' : 'chp.edit.newTransfer');
  return (
    <>
      <p style={{ margin: '0 0 12px' }}>
        <Link to="/console/challenges">
          <ArrowLeftOutlined aria-hidden="true" /> {t('chp.edit.back')}
        </Link>
      </p>
      <PageHead
        title={title}
        lead={t(kind === 'tech' ? 'chp.edit.leadTech' : 'chp.edit.leadTransfer')}
        extra={current && <ChallengeStateTag state={current.state} />}
      />
      {current?.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          data-testid="returned-opinion"
          title={t('chp.edit.returned')}
          description={
            <>
              <strong>{t('chp.edit.opinion')}：</strong>
              <div style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{current.lastOpinion}</div>
              <div style={{ marginTop: 8 }}>{t('chp.edit.returnedHint')}</div>
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {notice && (
        <Alert
          type={notice.stale ? 'warning' : 'info'}
          showIcon
          title={t(notice.stale ? 'chp.edit.staleLocal' : 'chp.edit.restored', {
            time: formatDateTime(new Date(notice.copy.at).toISOString()),
          })}
          action={
            <Space>
              {notice.stale && (
                <Button size="small" onClick={restoreStale}>
                  {t('chp.edit.restoreLocal')}
                </Button>
              )}
              <Button size="small" onClick={discardLocal}>
                {t('chp.edit.discardLocal')}
              </Button>
            </Space>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {draft.state.kind === 'conflict' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('chp.edit.conflict')}
          action={
            <Button size="small" onClick={() => window.location.reload()}>
              {t('chp.edit.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={startValues}
        onValuesChange={() => draft.change(values())}
        scrollToFirstError
      >
        <ChallengeFormFields kind={kind} />
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <CommitmentPanel kind={kind} challenge={current} onAccept={accept} onSubmit={submit} />
      <Card size="small" style={{ marginBottom: 16, position: 'sticky', bottom: 0, zIndex: 2 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <DraftStatus state={draft.state} onRetry={() => void draft.flush()} />
          <Space wrap>
            {current && <PosterActions challenge={current} onChanged={onChanged} />}
            <Button icon={<SaveOutlined aria-hidden="true" />} onClick={() => void ensureSaved()}>
              {t('chp.edit.saveNow')}
            </Button>
          </Space>
        </Space>
      </Card>
      {current && current.timeline.length > 0 && (
        <Card size="small" title={t('chp.view.timeline')}>
          <ChallengeTimeline events={current.timeline} createdAt={current.createdAt} />
        </Card>
      )}
    </>
  );
}
