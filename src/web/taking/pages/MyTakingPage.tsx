import { Alert, App, Button, Card, Empty, List, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { asApiError, useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { takingApi } from '../api';
import { TakingStateTag } from '../components/labels';
import type { SignupView } from '../types';

/** 我的揭榜: my sign-ups (as leader, member or unit) and the team invitations waiting for my answer. */
export default function MyTakingPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const res = useRequest('tk-mine', () => takingApi.mine());
  const items = res.data?.items ?? [];
  const invitations = items.filter((s) => s.actions.includes('confirm'));
  const signups = items.filter((s) => !s.actions.includes('confirm'));
  const myRole = (s: SignupView) =>
    s.takerKind === 'unit'
      ? t('tk.role.unit')
      : s.leaderUserId === user?.id
        ? t('tk.role.leader')
        : t('tk.role.member');
  return (
    <>
      <PageHead title={t('tk.mine.title')} lead={t('tk.mine.lead')} />
      {res.error && <Alert type="error" showIcon title={res.error.message} style={{ marginBottom: 16 }} />}
      {invitations.length > 0 && (
        <Card size="small" title={t('tk.mine.invitations')} style={{ marginBottom: 16 }}>
          <List
            dataSource={invitations}
            renderItem={(s) => <Invitation s={s} onDone={res.reload} />}
            data-testid="invitations"
          />
        </Card>
      )}
      <Card size="small" title={t('tk.mine.signups')}>
        <Table<SignupView>
          rowKey="id"
          size="middle"
          loading={res.loading}
          dataSource={signups}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <Empty description={t('tk.mine.empty')}>
                <Link to="/hall">{t('tk.mine.toHall')}</Link>
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('tk.col.need'),
              key: 'need',
              render: (_: unknown, s) => <Link to={`/console/taking/${s.id}`}>{s.challenge.title}</Link>,
            },
            { title: t('tk.col.kind'), key: 'kind', render: (_: unknown, s) => t(`tk.kind.${s.takerKind}`) },
            { title: t('tk.col.myRole'), key: 'role', render: (_: unknown, s) => myRole(s) },
            {
              title: t('tk.col.state'),
              key: 'state',
              render: (_: unknown, s) => <TakingStateTag state={s.state} />,
            },
            {
              title: t('tk.col.solution'),
              key: 'solution',
              render: (_: unknown, s) => (s.solution ? <TakingStateTag state={s.solution.state} /> : '—'),
            },
            {
              title: t('tk.col.deadline'),
              key: 'deadline',
              render: (_: unknown, s) => formatDate(s.challenge.deadline),
            },
            {
              title: t('tk.col.signedAt'),
              key: 'at',
              render: (_: unknown, s) => formatDateTime(s.createdAt),
            },
          ]}
        />
      </Card>
    </>
  );
}

function Invitation({ s, onDone }: { s: SignupView; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const leader = s.members.find((m) => m.role === 'leader')?.name ?? '';
  const answer = async (action: 'confirm' | 'decline') => {
    setBusy(action);
    try {
      await takingApi.respond(s.id, action);
      void message.success(t(action === 'confirm' ? 'tk.detail.confirmed' : 'tk.detail.declined'));
      onDone();
    } catch (err) {
      void message.error(asApiError(err).message, 6);
    } finally {
      setBusy(null);
    }
  };
  return (
    <List.Item
      actions={[
        <Space key="a">
          <Button type="primary" loading={busy === 'confirm'} onClick={() => void answer('confirm')}>
            {t('tk.detail.confirm')}
          </Button>
          <Button loading={busy === 'decline'} onClick={() => void answer('decline')}>
            {t('tk.detail.decline')}
          </Button>
        </Space>,
      ]}
    >
      {t('tk.mine.invitedBy', { leader, team: s.teamName, title: s.challenge.title })}
    </List.Item>
  );
}
