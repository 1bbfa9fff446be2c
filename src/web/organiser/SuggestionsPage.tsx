import { Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n, type MessageKey } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { organiserApi, type Suggestion, type SuggestionState } from './api';
import { SuggestionTag } from './labels';

const STATES: SuggestionState[] = ['suggested', 'signed_up', 'declined', 'withdrawn'];

/** 推荐记录: the office's suggestions of takers and how they were answered. */
export default function SuggestionsPage() {
  const { t } = useI18n();
  const [state, setState] = useState<SuggestionState | undefined>();
  const [page, setPage] = useState(1);
  const req = useRequest(`org-sg:${state ?? ''}:${page}`, () => organiserApi.suggestions(state, page));
  return (
    <>
      <PageHead title={t('org.sg.title')} lead={t('org.sg.lead')} />
      <Select<SuggestionState | ''>
        aria-label={t('org.sg.col.state')}
        style={{ width: 160, marginBottom: 16 }}
        value={state ?? ''}
        onChange={(v) => {
          setState(v || undefined);
          setPage(1);
        }}
        options={[
          { value: '', label: `${t('org.sg.col.state')}：${t('org.all')}` },
          ...STATES.map((s) => ({ value: s, label: t(`org.sg.state.${s}` as MessageKey) })),
        ]}
      />
      <Table<Suggestion>
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('org.sg.none') }}
        pagination={{
          current: page,
          total: req.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('org.sg.col.need'),
            dataIndex: 'challengeTitle',
            render: (title: string, s) => (
              <Link to={`/console/organiser/needs/${s.challengeId}`}>{title}</Link>
            ),
          },
          { title: t('org.sg.col.candidate'), dataIndex: 'candidateName', width: 200 },
          { title: t('org.sg.note'), dataIndex: 'note' },
          {
            title: t('org.sg.col.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: SuggestionState) => <SuggestionTag state={s} />,
          },
          { title: t('org.sg.col.reason'), dataIndex: 'reason', width: 200 },
          {
            title: t('org.sg.col.by'),
            key: 'by',
            width: 200,
            render: (_, s) => `${s.suggestedBy} · ${formatDateTime(s.createdAt)}`,
          },
        ]}
      />
    </>
  );
}
