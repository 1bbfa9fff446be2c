import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHead } from '../../console/PageHead';
import { hallApi } from '../../hall/api';
import { useI18n } from '../../i18n';
import { useFormDraft } from '../../lib/draft';
import { applyServerErrors } from '../../lib/formErrors';
import { asApiError, useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { takingApi, type SignupBody } from '../api';
import type { TakerKind } from '../types';

interface Values {
  takerKind: TakerKind;
  teamName?: string;
  invite?: string;
  commitments?: { fundsWan?: number; funds?: string; premises?: string; market?: string };
}

const OMIT: readonly string[] = [];

/** The usernames typed one a line (or separated by commas or spaces). */
const usernames = (text: string | undefined): string[] => [
  ...new Set((text ?? '').split(/[\s,，、;；]+/).filter(Boolean)),
];

/** A refusal of a commitment names `commitments`; its rule says which of the three is missing. */
function placeCommitmentErrors(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const fields = err.fields.map((f) => {
    const m = /^taking\.commitment_(funds|premises|market)$/.exec(f.code);
    return f.path === 'commitments' && m ? { ...f, path: `commitments.${m[1]}` } : f;
  });
  return new ApiError(err.status, err.code, err.message, fields);
}

/**
 * 揭榜报名 for one need: alone or as a team (team name, members invited by username) for a technical
 * challenge; as a unit with its commitments for a commercialisation need. A refusal shows the rule.
 */
export default function SignupPage() {
  const { t } = useI18n();
  const challengeId = Number(useParams().challengeId);
  const valid = Number.isInteger(challengeId) && challengeId > 0;
  const need = useRequest(valid ? `tk-need:${challengeId}` : null, () => hallApi.get(challengeId));
  const mine = useRequest('tk-mine', () => takingApi.mine());
  const existing = mine.data?.items.find((s) => s.challenge.id === challengeId && s.state === 'active');

  const back = (
    <p style={{ margin: '0 0 12px' }}>
      <Link to={valid ? `/hall/${challengeId}` : '/hall'}>
        <ArrowLeftOutlined aria-hidden="true" /> {t('hall.detail.back')}
      </Link>
    </p>
  );
  if (!valid || need.error)
    return (
      <>
        {back}
        <Alert type="error" showIcon title={need.error?.message ?? t('common.notFound')} />
      </>
    );
  if (!need.data || !mine.data)
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  const c = need.data;
  return (
    <>
      {back}
      <PageHead title={t('tk.signup.title')} lead={t('tk.signup.for', { title: c.title })} />
      {existing ? (
        <Alert
          type="info"
          showIcon
          title={t('tk.signup.already')}
          action={<Link to={`/console/taking/${existing.id}`}>{t('tk.signup.goto')}</Link>}
        />
      ) : c.status !== 'open' ? (
        <Alert type="warning" showIcon title={t('tk.entry.closed')} />
      ) : (
        <SignupForm challengeId={c.id} kind={c.kind} />
      )}
    </>
  );
}

function SignupForm({ challengeId, kind }: { challengeId: number; kind: 'tech' | 'transfer' }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSession();
  const draft = useFormDraft<Values>(`bohou.taking-signup.${user?.id ?? 0}.${challengeId}`, OMIT);
  const [form] = Form.useForm<Values>();
  const takerKind = Form.useWatch('takerKind', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const defaultKind: TakerKind = kind === 'transfer' ? 'unit' : 'individual';
  const initial: Values = { takerKind: defaultKind, teamName: '', invite: '', ...draft.initial };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: SignupBody = { takerKind: v.takerKind };
    if (v.takerKind === 'team') body.teamName = v.teamName ?? '';
    if (v.takerKind === 'unit')
      body.commitments = {
        fundsWan: v.commitments?.fundsWan ?? 0,
        funds: v.commitments?.funds ?? '',
        premises: v.commitments?.premises ?? '',
        market: v.commitments?.market ?? '',
      };
    let signupId: number;
    try {
      signupId = (await takingApi.signUp(challengeId, body)).id;
    } catch (err) {
      setError(applyServerErrors(form, placeCommitmentErrors(err)));
      setBusy(false);
      return;
    }
    draft.clear();
    if (v.takerKind === 'team') {
      for (const username of usernames(v.invite)) {
        try {
          await takingApi.invite(signupId, username);
        } catch (err) {
          void message.error(t('tk.signup.inviteFailed', { username, message: asApiError(err).message }), 8);
        }
      }
    }
    void message.success(t('tk.signup.done'));
    setBusy(false);
    void navigate(`/console/taking/${signupId}`);
  };

  const req = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('tk.signup.required', { label }),
  });

  return (
    <Card>
      {draft.initial && (
        <Alert type="info" showIcon title={t('tk.signup.restored')} style={{ marginBottom: 12 }} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('tk.signup.refused')}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="signup-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_c, all) => draft.save(all)}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="takerKind" label={t('tk.signup.as')}>
          <Radio.Group
            options={
              kind === 'tech'
                ? [
                    { value: 'individual', label: t('tk.signup.asIndividual') },
                    { value: 'team', label: t('tk.signup.asTeam') },
                  ]
                : [{ value: 'unit', label: t('tk.signup.asUnit') }]
            }
          />
        </Form.Item>
        {takerKind === 'team' && (
          <>
            <Form.Item name="teamName" label={t('tk.signup.teamName')} rules={[req(t('tk.signup.teamName'))]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="invite" label={t('tk.signup.invite')} extra={t('tk.signup.inviteHint')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {takerKind === 'unit' && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('tk.signup.commitments')}</legend>
            <p style={{ color: 'var(--text-2)' }}>{t('tk.signup.commitmentsNote')}</p>
            <Form.Item name={['commitments', 'fundsWan']} label={t('tk.signup.fundsWan')}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['commitments', 'funds']} label={t('tk.signup.funds')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
            <Form.Item name={['commitments', 'premises']} label={t('tk.signup.premises')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
            <Form.Item name={['commitments', 'market']} label={t('tk.signup.market')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </fieldset>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('tk.signup.submit')}
        </Button>
      </Form>
    </Card>
  );
}
