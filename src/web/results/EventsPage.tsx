import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, List, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHead } from '../console/PageHead';
import { FormDialog } from '../followup/FormDialog';
import { useI18n, type MessageKey } from '../i18n';
import { asApiError, useRequest } from '../lib/useRequest';
import { useSession } from '../session/SessionContext';
import { EVENT_KINDS, resultsApi, type EventKind, type MatchRow, type ResultsEvent } from './api';

interface EventValues {
  name: string;
  kind: EventKind;
  heldOn: Dayjs;
  place: string;
  description?: string;
}

/** 活动与大赛: events with participants and projects, and recommendations to the competition. */
export default function EventsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHead title={t('ev.title')} lead={t('ev.lead')} />
      <Tabs
        items={[
          { key: 'events', label: t('ev.tab.events'), children: <Events /> },
          { key: 'competition', label: t('ev.tab.competition'), children: <Competition /> },
        ]}
      />
    </>
  );
}

function useKindLabel() {
  const { t } = useI18n();
  return (k: string) => t(`ev.kind.${k}` as MessageKey);
}

function Events() {
  const { t } = useI18n();
  const kind = useKindLabel();
  const [tick, setTick] = useState(0);
  const [dialog, setDialog] = useState<ResultsEvent | 'new' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const req = useRequest(`results:events:${tick}`, () => resultsApi.events());
  // Creating is the municipal office's (the server checks; a district office only reads).
  const canCreate = useSession().user?.role === 'municipal_officer';
  const toBody = (v: EventValues) => ({
    name: v.name,
    kind: v.kind,
    heldOn: v.heldOn.format('YYYY-MM-DD'),
    place: v.place,
    description: v.description ?? '',
    regionId: null,
  });
  return (
    <>
      {canCreate && (
        <Button
          type="primary"
          style={{ marginBottom: 16 }}
          icon={<PlusOutlined aria-hidden="true" />}
          onClick={() => setDialog('new')}
        >
          {t('ev.new')}
        </Button>
      )}
      <Table<ResultsEvent>
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('ev.none') }}
        pagination={false}
        expandable={{
          expandedRowKeys: openId ? [openId] : [],
          onExpand: (open, e) => setOpenId(open ? e.id : null),
          expandedRowRender: (e) => <EventDetail id={e.id} />,
        }}
        columns={[
          { title: t('ev.f.name'), dataIndex: 'name' },
          { title: t('ev.f.kind'), width: 130, render: (_v, e) => kind(e.kind) },
          { title: t('ev.f.heldOn'), dataIndex: 'heldOn', width: 120 },
          { title: t('ev.f.place'), dataIndex: 'place' },
          {
            title: '',
            width: 90,
            render: (_v, e) =>
              e.actions.includes('edit') && (
                <Button size="small" onClick={() => setDialog(e)}>
                  {t('ev.edit')}
                </Button>
              ),
          },
        ]}
      />
      <FormDialog<EventValues>
        open={dialog !== null}
        title={dialog === 'new' ? t('ev.new') : t('ev.edit')}
        initial={
          dialog && dialog !== 'new'
            ? { ...dialog, heldOn: dayjs(dialog.heldOn) }
            : { kind: 'matching_day' as EventKind }
        }
        onSubmit={(v) =>
          dialog === 'new' || dialog === null
            ? resultsApi.createEvent(toBody(v))
            : resultsApi.updateEvent(dialog.id, { ...toBody(v), revision: dialog.revision })
        }
        onClose={(changed) => {
          setDialog(null);
          if (changed) setTick((n) => n + 1);
        }}
      >
        {() => (
          <>
            <Form.Item
              name="name"
              label={t('ev.f.name')}
              rules={[{ required: true, whitespace: true, max: 200 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="kind" label={t('ev.f.kind')} rules={[{ required: true }]}>
              <Select options={EVENT_KINDS.map((k) => ({ value: k, label: kind(k) }))} />
            </Form.Item>
            <Form.Item name="heldOn" label={t('ev.f.heldOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="place"
              label={t('ev.f.place')}
              rules={[{ required: true, whitespace: true, max: 200 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="description" label={t('ev.f.description')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </>
        )}
      </FormDialog>
    </>
  );
}

function EventDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const req = useRequest(`results:event:${id}:${tick}`, () => resultsApi.event(id));
  const matches = useRequest('results:matches', () => resultsApi.matches());
  const [username, setUsername] = useState('');
  const [solutionId, setSolutionId] = useState<number | null>(null);
  const e = req.data;
  const canEdit = e?.actions.includes('edit') ?? false;
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      setTick((n) => n + 1);
    } catch (err) {
      void message.error(asApiError(err).message, 6);
    }
  };
  if (!e) return null;
  return (
    <Space align="start" wrap size={24}>
      <Card size="small" title={t('ev.participants')} style={{ minWidth: 320 }}>
        <List
          size="small"
          dataSource={e.participants ?? []}
          renderItem={(p) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Button
                        key="rm"
                        size="small"
                        onClick={() => void run(() => resultsApi.removeParticipant(id, p.userId))}
                      >
                        {t('ev.remove')}
                      </Button>,
                    ]
                  : []
              }
            >
              {p.name}（{p.username}）
            </List.Item>
          )}
        />
        {canEdit && (
          <Space.Compact style={{ marginTop: 8 }}>
            <Input
              aria-label={t('ev.username')}
              placeholder={t('ev.username')}
              value={username}
              onChange={(x) => setUsername(x.target.value)}
            />
            <Button
              onClick={() =>
                void run(() => resultsApi.addParticipant(id, username.trim()).then(() => setUsername('')))
              }
            >
              {t('ev.add')}
            </Button>
          </Space.Compact>
        )}
      </Card>
      <Card size="small" title={t('ev.projects')} style={{ minWidth: 360 }}>
        <List
          size="small"
          dataSource={e.projects ?? []}
          renderItem={(p) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Button
                        key="rm"
                        size="small"
                        onClick={() => void run(() => resultsApi.removeProject(id, p.solutionId))}
                      >
                        {t('ev.remove')}
                      </Button>,
                    ]
                  : []
              }
            >
              {p.needTitle} · {p.takerName}
            </List.Item>
          )}
        />
        {canEdit && (
          <Space.Compact style={{ marginTop: 8 }}>
            <Select<number>
              aria-label={t('ev.pickProject')}
              placeholder={t('ev.pickProject')}
              style={{ width: 260 }}
              value={solutionId ?? undefined}
              onChange={setSolutionId}
              options={(matches.data?.items ?? []).map((m) => ({
                value: m.solutionId,
                label: `${m.needTitle} · ${m.takerName}`,
              }))}
            />
            <Button
              disabled={solutionId === null}
              onClick={() => solutionId !== null && void run(() => resultsApi.addProject(id, solutionId))}
            >
              {t('ev.addProject')}
            </Button>
          </Space.Compact>
        )}
      </Card>
    </Space>
  );
}

function Competition() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [marking, setMarking] = useState<MatchRow | null>(null);
  const city = useSession().user?.role === 'municipal_officer';
  const req = useRequest(`results:matches:${tick}`, () => resultsApi.matches());
  return (
    <>
      <Table<MatchRow>
        rowKey="solutionId"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('ev.matches.none') }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('rs.item.need'), dataIndex: 'needTitle' },
          { title: t('rs.item.poster'), dataIndex: 'posterName' },
          { title: t('rs.item.taker'), dataIndex: 'takerName' },
          { title: t('rs.item.matchedOn'), dataIndex: 'matchedOn', width: 120 },
          {
            title: t('ev.rec.col'),
            width: 260,
            render: (_v, m) =>
              m.recommendation ? (
                <Space>
                  <Tag color="success">{t('ev.rec.done', { date: m.recommendation.recommendedOn })}</Tag>
                  {city && (
                    <Button
                      size="small"
                      onClick={() =>
                        void resultsApi
                          .unrecommend(m.solutionId)
                          .then(() => setTick((n) => n + 1))
                          .catch((err: unknown) => void message.error(asApiError(err).message))
                      }
                    >
                      {t('ev.rec.unmark')}
                    </Button>
                  )}
                </Space>
              ) : (
                city && (
                  <Button size="small" onClick={() => setMarking(m)}>
                    {t('ev.rec.mark')}
                  </Button>
                )
              ),
          },
        ]}
      />
      <FormDialog<{ recommendedOn: Dayjs; note?: string }>
        open={marking !== null}
        title={t('ev.rec.mark')}
        initial={{ recommendedOn: dayjs() }}
        onSubmit={(v) =>
          resultsApi.recommend(marking!.solutionId, {
            recommendedOn: v.recommendedOn.format('YYYY-MM-DD'),
            note: v.note ?? '',
          })
        }
        onClose={(changed) => {
          setMarking(null);
          if (changed) setTick((n) => n + 1);
        }}
      >
        {() => (
          <>
            <Form.Item name="recommendedOn" label={t('ev.rec.on')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="note" label={t('ev.rec.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </FormDialog>
    </>
  );
}
