import { Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import type { AgreementListItem, AgreementQuery } from './api';
import { AgreementDrawer } from './AgreementDrawer';
import { AGREEMENT_STATES, stateColor, stateKey } from './labels';

const PAGE_SIZE = 20;

/**
 * The list both consoles share (my agreements, the register): filters and paging in the URL, the
 * drawer of one agreement opened by `?open=<id>` (notification links use it).
 */
export function AgreementList({
  name,
  load,
  defaultState,
  showFiling,
}: {
  name: string;
  load: (q: AgreementQuery) => Promise<Page<AgreementListItem>>;
  defaultState?: string;
  showFiling?: boolean;
}) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? defaultState;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page')) || 1;
  const open = Number(params.get('open')) || null;
  const filters: AgreementQuery = { state, q, page, pageSize: PAGE_SIZE };
  const list = useRequest(`${name}:${JSON.stringify(filters)}`, () => load(filters));
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const columns: ColumnsType<AgreementListItem> = [
    {
      title: t('agr.col.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, r) => (
        <a href={`?open=${r.id}`} onClick={(e) => (e.preventDefault(), set({ open: String(r.id) }))}>
          {n}
        </a>
      ),
    },
    { title: t('agr.col.title'), dataIndex: 'title' },
    { title: t('agr.col.parties'), dataIndex: 'parties', responsive: ['lg'] },
    {
      title: t('agr.col.state'),
      dataIndex: 'state',
      width: 130,
      render: (s: string) => <Tag color={stateColor(s)}>{t(stateKey(s))}</Tag>,
    },
    ...(showFiling
      ? [
          { title: t('agr.col.filingNumber'), dataIndex: 'filingNumber', width: 170 },
          { title: t('agr.col.region'), dataIndex: 'regionName', width: 120, responsive: ['xl' as const] },
          { title: t('agr.col.filedAt'), dataIndex: 'filedAt', width: 150, render: formatDateTime },
        ]
      : [{ title: t('agr.col.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime }]),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('agr.filter.state')}
          style={{ width: 180 }}
          allowClear
          placeholder={t('agr.filter.state')}
          value={state}
          onChange={(v?: string) => set({ state: v, page: undefined })}
          options={AGREEMENT_STATES.map((s) => ({ value: s, label: t(stateKey(s)) }))}
        />
        <Input.Search
          aria-label={t('agr.filter.q')}
          placeholder={t('agr.filter.q')}
          allowClear
          defaultValue={q}
          style={{ width: 300 }}
          onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })}
        />
      </Space>
      <Table<AgreementListItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: t('agr.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => set({ page: String(p) }),
        }}
      />
      <AgreementDrawer id={open} onClose={() => set({ open: undefined })} onChanged={list.reload} />
    </>
  );
}
