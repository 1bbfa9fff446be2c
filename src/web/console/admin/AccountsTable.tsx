import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { ROLES, type Role } from '../../../shared/roles';
import { usersApi } from '../../api/endpoints';
import type { Region, User } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { StatusTags } from '../StatusTags';

const PAGE_SIZE = 20;

export interface AccountActions {
  onResetPassword?(user: User, initialPassword: string): void;
  onChangeRole?(user: User): void;
}

/**
 * The account list shared by 账号管理 (system admin) and 账号角色 (security admin). Each row's buttons
 * come from the server's `actions` for that row, so each admin sees exactly what they may do.
 */
export function AccountsTable({
  districts,
  reloadKey,
  toolbar,
  handlers,
}: {
  districts: Region[];
  /** Change it to reload the list (after creating an account). */
  reloadKey: number;
  toolbar?: ReactNode;
  handlers: AccountActions;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [draftQ, setDraftQ] = useState('');
  const [filters, setFilters] = useState<{ q: string; role?: Role; regionId?: number }>({ q: '' });
  const [page, setPage] = useState(1);
  const [busyId, setBusyId] = useState<number | null>(null);
  const list = useRequest(`users:${JSON.stringify(filters)}:${page}:${reloadKey}`, () =>
    usersApi.list({ ...filters, page, pageSize: PAGE_SIZE }),
  );

  const run = async (u: User, fn: () => Promise<unknown>) => {
    setBusyId(u.id);
    try {
      await fn();
      void message.success(t('acc.done'));
      list.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusyId(null);
    }
  };

  const resetPassword = (u: User) =>
    run(u, async () => {
      const out = await usersApi.resetPassword(u.id);
      handlers.onResetPassword?.(u, out.initialPassword);
    });

  const rowActions = (u: User) => {
    const can = (a: string) => u.actions.includes(a);
    const name = u.displayName || u.username;
    const busy = busyId === u.id;
    return (
      <Space size={4} wrap>
        {can('reset_password') && handlers.onResetPassword && (
          <Popconfirm title={t('acc.resetConfirm', { name })} onConfirm={() => resetPassword(u)}>
            <Button size="small" loading={busy}>
              {t('acc.resetPassword')}
            </Button>
          </Popconfirm>
        )}
        {can('disable') && u.status === 'active' && (
          <Popconfirm
            title={t('acc.disableConfirm', { name })}
            onConfirm={() => run(u, () => usersApi.disable(u.id))}
          >
            <Button size="small" danger loading={busy}>
              {t('acc.disable')}
            </Button>
          </Popconfirm>
        )}
        {can('enable') && u.status === 'disabled' && (
          <Popconfirm
            title={t('acc.enableConfirm', { name })}
            onConfirm={() => run(u, () => usersApi.enable(u.id))}
          >
            <Button size="small" loading={busy}>
              {t('acc.enable')}
            </Button>
          </Popconfirm>
        )}
        {can('change_role') && handlers.onChangeRole && (
          <Button size="small" onClick={() => handlers.onChangeRole?.(u)}>
            {t('acc.changeRole')}
          </Button>
        )}
        {can('unlock') && u.locked && (
          <Popconfirm
            title={t('acc.unlockConfirm', { name })}
            onConfirm={() => run(u, () => usersApi.unlock(u.id))}
          >
            <Button size="small" loading={busy}>
              {t('acc.unlock')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );
  };

  const columns: ColumnsType<User> = [
    {
      title: t('acc.col.username'),
      dataIndex: 'username',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('acc.col.displayName'), dataIndex: 'displayName' },
    {
      title: t('acc.col.role'),
      dataIndex: 'role',
      render: (r: Role) => <Tag color="blue">{t(`role.${r}`)}</Tag>,
    },
    {
      title: t('acc.col.region'),
      key: 'region',
      render: (_, u) => (u.region ? (lang === 'en' ? u.region.nameEn : u.region.name) : '—'),
    },
    { title: t('acc.col.status'), key: 'status', render: (_, u) => <StatusTags user={u} /> },
    {
      title: t('acc.col.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['xl'],
      render: (v: string) => formatDateTime(v),
    },
    { title: t('common.operations'), key: 'ops', render: (_, u) => rowActions(u) },
  ];

  const apply = (next: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  return (
    <Card>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          gap: 12,
          flexWrap: 'wrap',
          marginBottom: 16,
        }}
      >
        <Space wrap>
          <Input.Search
            aria-label={t('acc.q')}
            placeholder={t('acc.q')}
            allowClear
            value={draftQ}
            onChange={(e) => setDraftQ(e.target.value)}
            onSearch={(v) => apply({ q: v.trim() })}
            style={{ width: 240 }}
          />
          <Select<Role>
            aria-label={t('acc.role')}
            allowClear
            placeholder={t('acc.allRoles')}
            style={{ width: 170 }}
            value={filters.role}
            onChange={(v) => apply({ role: v })}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Select<number>
            aria-label={t('acc.region')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('acc.allRegions')}
            style={{ width: 170 }}
            value={filters.regionId}
            onChange={(v) => apply({ regionId: v })}
            options={districts.map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn : d.name }))}
          />
          <Button onClick={list.reload}>{t('action.refresh')}</Button>
        </Space>
        {toolbar}
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        data-testid="accounts-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
      />
    </Card>
  );
}
