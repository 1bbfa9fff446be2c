import { Button, Card, Progress, Space, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { organiserApi, type RecommendedTaker, type Suggestion } from './api';
import { Reasons, SuggestionTag } from './labels';
import { NoteDialog } from './NoteDialog';
import { SuggestTakerButton } from './SuggestTakerButton';

/**
 * A need's recommended takers (with the reasons) and the offices' suggestions for it. Offices may suggest a
 * candidate to the poster from here; the poster reads both.
 */
export function NeedMatchPanel({ challengeId, office }: { challengeId: number; office: boolean }) {
  const { t } = useI18n();
  const recs = useRequest(`org-recs:${challengeId}`, () => organiserApi.recommendTakers(challengeId));
  const sugg = useRequest(`org-sugg:${challengeId}`, () => organiserApi.needSuggestions(challengeId));
  const [withdrawing, setWithdrawing] = useState<Suggestion | null>(null);
  return (
    <>
      <Card
        title={t('org.rec.title')}
        style={{ marginBottom: 16 }}
        extra={office && <SuggestTakerButton challengeId={challengeId} onDone={sugg.reload} />}
      >
        <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.65)' }}>{t('org.rec.lead')}</p>
        <Table<RecommendedTaker>
          rowKey={(r) => `${r.kind}:${r.id}`}
          size="small"
          loading={recs.loading}
          pagination={false}
          dataSource={recs.data?.items ?? []}
          locale={{ emptyText: recs.error ? recs.error.message : t('org.rec.none') }}
          columns={[
            {
              title: t('org.sg.candidate'),
              key: 'name',
              render: (_, r) => (
                <>
                  <strong>{r.name}</strong>
                  <div style={{ color: 'rgba(0,0,0,0.55)' }}>{r.detail}</div>
                </>
              ),
            },
            {
              title: t('org.rec.score'),
              dataIndex: 'score',
              width: 120,
              render: (s: number) => (
                <Progress percent={Math.round(s * 100)} size="small" aria-label={t('org.rec.score')} />
              ),
            },
            { title: '', key: 'reasons', render: (_, r) => <Reasons reasons={r.reasons} /> },
            ...(office
              ? [
                  {
                    title: '',
                    key: 'act',
                    width: 130,
                    render: (_: unknown, r: RecommendedTaker) => (
                      <SuggestTakerButton
                        challengeId={challengeId}
                        candidate={{ kind: r.kind === 'person' ? 'user' : 'unit', id: r.id, label: r.name }}
                        onDone={sugg.reload}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('org.sg.title')} style={{ marginBottom: 16 }}>
        <Table<Suggestion>
          rowKey="id"
          size="small"
          pagination={false}
          loading={sugg.loading}
          dataSource={sugg.data?.items ?? []}
          locale={{ emptyText: t('org.sg.none') }}
          columns={[
            { title: t('org.sg.col.candidate'), dataIndex: 'candidateName' },
            { title: t('org.sg.note'), dataIndex: 'note' },
            {
              title: t('org.sg.col.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: Suggestion['state']) => <SuggestionTag state={s} />,
            },
            { title: t('org.sg.col.reason'), dataIndex: 'reason' },
            {
              title: t('org.sg.col.by'),
              key: 'by',
              width: 180,
              render: (_, s) => `${s.suggestedBy} · ${formatDateTime(s.createdAt)}`,
            },
            {
              title: '',
              key: 'act',
              width: 80,
              render: (_, s) =>
                s.actions.includes('withdraw') && (
                  <Space>
                    <Button size="small" onClick={() => setWithdrawing(s)}>
                      {t('org.sg.withdraw')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <NoteDialog
        open={withdrawing !== null}
        title={t('org.sg.withdraw')}
        label={t('org.sg.note')}
        onClose={() => setWithdrawing(null)}
        onOk={async (note) => {
          await organiserApi.decideSuggestion(withdrawing!.id, 'withdraw', note);
          sugg.reload();
        }}
      />
    </>
  );
}
