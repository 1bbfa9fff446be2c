import { CheckOutlined, MinusOutlined } from '@ant-design/icons';
import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ROLES, type Role } from '../../../shared/roles';
import { settingsApi } from '../../api/endpoints';
import type { PolicyRule } from '../../api/types';
import { useI18n } from '../../i18n';
import { useRequest } from '../../lib/useRequest';
import { PageHead } from '../PageHead';

interface MatrixRow {
  key: string;
  resource: string;
  action: string;
  /** role → scope ('' = unrestricted) for the roles allowed. */
  cells: Partial<Record<Role, string>>;
}

/** Folds the rules into one row per resource and action (a resource+action can have several rules). */
function toRows(rules: PolicyRule[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const r of rules) {
    const key = `${r.resource}.${r.action}`;
    const row = rows.get(key) ?? { key, resource: r.resource, action: r.action, cells: {} };
    for (const role of r.roles) row.cells[role] = r.scope ?? '';
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** 权限矩阵: the server's policy table as roles × actions, read-only. */
export default function PolicyMatrixPage() {
  const { t, tx } = useI18n();
  const { data, error, loading } = useRequest('policy', () => settingsApi.policy());
  const rows = toRows(data ?? []);

  const columns: ColumnsType<MatrixRow> = [
    {
      title: t('pol.resource'),
      dataIndex: 'resource',
      width: 120,
      onCell: (row, i = 0) => {
        const first = rows.findIndex((r) => r.resource === row.resource);
        if (first !== i) return { rowSpan: 0 };
        return { rowSpan: rows.filter((r) => r.resource === row.resource).length };
      },
      render: (v: string) => <strong>{tx(`pol.res.${v}`, v)}</strong>,
    },
    {
      title: t('pol.action'),
      dataIndex: 'action',
      width: 130,
      render: (v: string) => tx(`pol.act.${v}`, v),
    },
    ...ROLES.map((role) => ({
      title: t(`role.${role}`),
      key: role,
      align: 'center' as const,
      width: 92,
      render: (_: unknown, row: MatrixRow) => {
        const scope = row.cells[role];
        if (scope === undefined)
          return <MinusOutlined style={{ color: 'rgba(0,0,0,0.3)' }} aria-label={t('pol.denied')} />;
        return (
          <span>
            <CheckOutlined style={{ color: '#2a7a1f' }} aria-label={t('pol.allowed')} />
            {scope && (
              <Tag style={{ display: 'block', width: 'fit-content', margin: '2px auto 0' }}>
                {tx(`pol.scope.${scope}`, scope)}
              </Tag>
            )}
          </span>
        );
      },
    })),
  ];

  return (
    <>
      <PageHead title={t('pol.title')} lead={t('pol.lead')} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Card>
        {/* Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too. */}
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('pol.title')}>
          <Table<MatrixRow>
            rowKey="key"
            bordered
            size="small"
            columns={columns}
            dataSource={rows}
            loading={loading}
            pagination={false}
            data-testid="policy-matrix"
          />
        </div>
      </Card>
    </>
  );
}
