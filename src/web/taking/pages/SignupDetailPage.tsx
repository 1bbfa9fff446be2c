import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Spin, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { VerificationNotice } from '../../organiser/VerificationNotice';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { formatDate, formatDateTime } from '../../lib/format';
import { asApiError, useRequest } from '../../lib/useRequest';
import { takingApi } from '../api';
import { ConfidentialityGate } from '../components/ConfidentialityGate';
import { ConfidentialPart } from '../components/ConfidentialPart';
import { TakingStateTag } from '../components/labels';
import { SolutionEditor } from '../components/SolutionEditor';
import { SolutionSummary } from '../components/SolutionSummary';
import type { SignupMember, SignupView, SolutionView } from '../types';

/**
 * One sign-up as the taker's side sees it: the team and its invitations, withdrawal, the 保密书 and then
 * the need's confidential part, and the solution (editor while it may be edited, the decision after).
 */
export default function SignupDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const res = useRequest(valid ? `tk-signup:${id}` : null, () => takingApi.signup(id));
  const [override, setOverride] = useState<SignupView | null>(null);
  const s = override ?? res.data;
  const back = (
    <p style={{ margin: '0 0 12px' }}>
      <Link to="/console/taking">
        <ArrowLeftOutlined aria-hidden="true" /> {t('tk.detail.back')}
      </Link>
    </p>
  );
  if (!valid || (res.error && !s))
    return (
      <>
        {back}
        <Alert
          type="error"
          showIcon
          title={!valid || res.error?.status === 404 ? t('common.notFound') : res.error?.message}
        />
      </>
    );
  if (!s)
    return (
      <div style={{ textAlign: 'center', padding: 48 }}>
        <Spin />
      </div>
    );
  const reload = () => {
    setOverride(null);
    res.reload();
  };
  return (
    <>
      {back}
      <PageHead title={s.challenge.title} extra={<TakingStateTag state={s.state} />} />
      <VerificationNotice type="signup" id={s.id} />
      <Overview s={s} onChanged={setOverride} onReload={reload} />
      <Members s={s} onChanged={setOverride} />
      {s.actions.includes('accept_confidentiality') && (
        <ConfidentialityGate challengeId={s.challenge.id} side="taker" onAccepted={reload} />
      )}
      {s.actions.includes('view_confidential') && <ConfidentialPart challengeId={s.challenge.id} />}
      <SolutionPart s={s} onReload={reload} />
    </>
  );
}

function Overview({
  s,
  onChanged,
  onReload,
}: {
  s: SignupView;
  onChanged: (s: SignupView) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (what: 'withdraw' | 'confirm' | 'decline') => {
    setBusy(what);
    try {
      if (what === 'withdraw') {
        onChanged(await takingApi.withdrawSignup(s.id));
        void message.success(t('tk.detail.withdrawn'));
      } else {
        await takingApi.respond(s.id, what);
        void message.success(t(what === 'confirm' ? 'tk.detail.confirmed' : 'tk.detail.declined'));
        onReload();
      }
    } catch (err) {
      void message.error(asApiError(err).message, 6);
    } finally {
      setBusy(null);
    }
  };
  const c = s.commitments;
  return (
    <Card
      size="small"
      title={t('tk.detail.info')}
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          {s.actions.includes('confirm') && (
            <Button type="primary" loading={busy === 'confirm'} onClick={() => void act('confirm')}>
              {t('tk.detail.confirm')}
            </Button>
          )}
          {s.actions.includes('decline') && (
            <Button loading={busy === 'decline'} onClick={() => void act('decline')}>
              {t('tk.detail.decline')}
            </Button>
          )}
          {s.actions.includes('withdraw') && (
            <Popconfirm title={t('tk.detail.withdrawConfirm')} onConfirm={() => void act('withdraw')}>
              <Button danger loading={busy === 'withdraw'}>
                {t('tk.detail.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('tk.col.kind'), children: t(`tk.kind.${s.takerKind}`) },
          ...(s.teamName ? [{ key: 'team', label: t('tk.signup.teamName'), children: s.teamName }] : []),
          ...(s.unit ? [{ key: 'unit', label: t('tk.kind.unit'), children: s.unit.name ?? '—' }] : []),
          { key: 'state', label: t('tk.col.state'), children: <TakingStateTag state={s.state} /> },
          { key: 'deadline', label: t('tk.col.deadline'), children: formatDate(s.challenge.deadline) },
          { key: 'at', label: t('tk.col.signedAt'), children: formatDateTime(s.createdAt) },
          {
            key: 'hall',
            label: t('nav.hall'),
            children: <Link to={`/hall/${s.challenge.id}`}>{t('tk.detail.hall')}</Link>,
          },
          ...(c
            ? [
                {
                  key: 'commit',
                  label: t('tk.detail.commitments'),
                  children: [
                    `${t('tk.signup.fundsWan')}：${t('tk.detail.wan', { n: c.fundsWan })}，${c.funds}`,
                    `${t('tk.signup.premises')}：${c.premises}`,
                    `${t('tk.signup.market')}：${c.market}`,
                  ].join('\n'),
                },
              ]
            : []),
        ]}
        styles={{ content: { whiteSpace: 'pre-wrap' } }}
      />
    </Card>
  );
}

function Members({ s, onChanged }: { s: SignupView; onChanged: (s: SignupView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (s.takerKind !== 'team') return null;
  const invite = async ({ username }: { username: string }) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await takingApi.invite(s.id, username.trim()));
      form.resetFields();
      void message.success(t('tk.detail.invited'));
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('tk.detail.team')} style={{ marginBottom: 16 }} data-testid="team">
      <Table<SignupMember>
        size="small"
        rowKey="userId"
        pagination={false}
        dataSource={s.members}
        columns={[
          { title: t('tk.col.name'), dataIndex: 'name' },
          {
            title: t('tk.col.role'),
            dataIndex: 'role',
            render: (r: 'leader' | 'member') => t(`tk.role.${r}`),
          },
          {
            title: t('tk.col.memberState'),
            dataIndex: 'state',
            render: (st: string) => <TakingStateTag state={st} />,
          },
          { title: t('tk.col.invitedAt'), dataIndex: 'invitedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      {s.actions.includes('invite') && (
        <Form form={form} layout="inline" onFinish={(v) => void invite(v)} style={{ marginTop: 12 }}>
          <Form.Item
            name="username"
            label={t('tk.detail.username')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('tk.signup.required', { label: t('tk.detail.username') }),
              },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('tk.detail.inviteMore')}
          </Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/** The solution: the editor while the taker may write it, otherwise its summary and a link to its page. */
function SolutionPart({ s, onReload }: { s: SignupView; onReload: () => void }) {
  const { t } = useI18n();
  const sid = s.solution?.id ?? null;
  const res = useRequest(sid ? `tk-solution:${sid}:${s.solution?.revision ?? 0}` : null, () =>
    takingApi.solution(sid ?? 0),
  );
  const [current, setCurrent] = useState<SolutionView | null>(null);
  const sol = current && current.id === sid ? current : (res.data ?? null);
  const changed = (next: SolutionView) => {
    setCurrent(next);
    if (next.state === 'withdrawn' || !sid) onReload();
  };
  if (!sid && !s.actions.includes('create_solution')) {
    return (
      <Card size="small" title={t('tk.detail.solution')}>
        {t('tk.detail.noSolution')}
      </Card>
    );
  }
  if (sid && !sol) return res.error ? <Alert type="error" showIcon title={res.error.message} /> : <Spin />;
  const editable = !sol || (sol.actions.includes('edit') && sol.decision === 'pending');
  return (
    <>
      {sol && <SolutionSummary solution={sol} />}
      {editable && s.state === 'active' && (
        <SolutionEditor key={sol?.id ?? 'new'} signup={s} solution={sol} onChanged={changed} />
      )}
    </>
  );
}
