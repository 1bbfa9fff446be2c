import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n, type MessageKey } from '../i18n';
import { formatDate, formatDateTime } from '../lib/format';
import { useRequest } from '../lib/useRequest';
import { uploadFile } from '../stations/api';
import { followupApi, REPORT_MS_STATES, type Milestone, type OutcomeInput, type Project } from './api';
import { FormDialog } from './FormDialog';
import { MilestoneTag } from './labels';
import { EMPTY_OUTCOME, OutcomeFields, OutcomeList } from './Outcomes';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; m: Milestone }
  | { kind: 'done'; m: Milestone }
  | { kind: 'report' }
  | { kind: 'outcome' }
  | null;

interface ReportForm {
  period: string;
  body: string;
  statuses?: Record<string, string>;
}

/** One followed project: milestones, progress reports, outcome reports (for the offices). */
export default function ProjectPage() {
  const { id } = useParams();
  const pid = Number(id);
  const { t } = useI18n();
  const req = useRequest(Number.isInteger(pid) && pid > 0 ? `followup:${pid}` : null, () =>
    followupApi.project(pid),
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [files, setFiles] = useState<Array<{ id: number; filename: string }>>([]);
  const close = (changed: boolean) => {
    setDialog(null);
    setFiles([]);
    if (changed) req.reload();
  };
  if (req.error && !req.data)
    return req.error.code === 'NOT_FOUND' ? (
      <Result status="404" title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('common.notFound')}</h1>} />
    ) : (
      <Alert type="error" showIcon title={req.error.message} role="alert" />
    );
  const p: Project | undefined = req.data;
  if (!p)
    return (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  const canEdit = p.actions.includes('edit_milestones');
  const msTitle = new Map(p.milestones.map((m) => [m.id, m.title]));

  return (
    <>
      <PageHead
        title={p.title}
        lead={`${t('fu.col.poster')}：${p.poster.name} · ${t('fu.col.taker')}：${p.taker.name} · ${t('fu.col.matchedAt')} ${formatDate(p.matchedAt)}`}
        extra={
          <Space wrap>
            <Link to={`/hall/${p.challengeId}`}>{t('fu.need')}</Link>
            <Link to="/console/followup">
              <Button>{t('fu.back')}</Button>
            </Link>
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('fu.ms.title')}</h2>}
          extra={canEdit && <Button onClick={() => setDialog({ kind: 'add' })}>{t('fu.ms.add')}</Button>}
        >
          <Table<Milestone>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.milestones}
            columns={[
              { title: t('fu.ms.name'), dataIndex: 'title' },
              { title: t('fu.ms.due'), dataIndex: 'due', width: 120 },
              { title: t('fu.ms.deliverable'), dataIndex: 'deliverable' },
              { title: t('fu.ms.status'), width: 100, render: (_, m) => <MilestoneTag status={m.status} /> },
              {
                title: t('fu.ms.doneOn'),
                dataIndex: 'doneOn',
                width: 120,
                render: (d: string | null) => d ?? '—',
              },
              { title: t('fu.ms.note'), dataIndex: 'note' },
              ...(canEdit
                ? [
                    {
                      title: '',
                      key: 'act',
                      width: 180,
                      render: (_: unknown, m: Milestone) => (
                        <Space>
                          <Button size="small" onClick={() => setDialog({ kind: 'edit', m })}>
                            {t('fu.ms.edit')}
                          </Button>
                          <Button size="small" onClick={() => setDialog({ kind: 'done', m })}>
                            {m.doneOn ? t('fu.ms.reopen') : t('fu.ms.markDone')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>

        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('fu.rep.title')}</h2>}
          extra={
            p.actions.includes('report') && (
              <Button type="primary" onClick={() => setDialog({ kind: 'report' })}>
                {t('fu.rep.add')}
              </Button>
            )
          }
        >
          {p.reports.length === 0 ? (
            <Empty description={t('fu.rep.none')} />
          ) : (
            <List
              dataSource={p.reports}
              renderItem={(r) => (
                <List.Item key={r.id}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <strong>{r.period}</strong>
                        <Tag>{t(`fu.rep.side.${r.side}` as MessageKey)}</Tag>
                        <span>
                          {r.authorName} · {formatDateTime(r.createdAt)}
                        </span>
                      </Space>
                    }
                    description={
                      <Space direction="vertical" size={4}>
                        <span style={{ whiteSpace: 'pre-wrap' }}>{r.body}</span>
                        {r.milestones.length > 0 && (
                          <span>
                            {r.milestones
                              .map(
                                (m) =>
                                  `${msTitle.get(m.milestoneId) ?? m.milestoneId}：${t(`fu.rep.ms.${m.status}` as MessageKey)}`,
                              )
                              .join('；')}
                          </span>
                        )}
                        {r.attachments.map((f) => (
                          <a
                            key={f.id}
                            href={followupApi.reportFileUrl(p.id, r.id, f.id)}
                            target="_blank"
                            rel="noreferrer"
                          >
                            {f.filename}
                          </a>
                        ))}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>

        {(p.actions.includes('write_outcome') || p.outcomes.length > 0) && (
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('fu.out.title')}</h2>}
            extra={
              p.actions.includes('write_outcome') && (
                <Button type="primary" onClick={() => setDialog({ kind: 'outcome' })}>
                  {t('fu.out.new')}
                </Button>
              )
            }
          >
            <OutcomeList items={p.outcomes} onChanged={req.reload} />
          </Card>
        )}
      </Space>

      <FormDialog<{ title: string; due: string; deliverable: string }>
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        title={dialog?.kind === 'edit' ? `${t('fu.ms.edit')} · ${dialog.m.title}` : t('fu.ms.add')}
        initial={dialog?.kind === 'edit' ? dialog.m : { deliverable: '' }}
        onSubmit={(v) =>
          dialog?.kind === 'edit'
            ? followupApi.editMilestone(p.id, dialog.m.id, { ...v, revision: dialog.m.revision })
            : followupApi.addMilestone(p.id, v)
        }
        onClose={close}
      >
        {() => (
          <>
            <Form.Item name="title" label={t('fu.ms.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="due" label={t('fu.ms.due')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="deliverable" label={t('fu.ms.deliverable')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </FormDialog>

      <FormDialog<{ doneOn?: string; note: string }>
        open={dialog?.kind === 'done'}
        title={
          dialog?.kind === 'done'
            ? `${dialog.m.doneOn ? t('fu.ms.reopen') : t('fu.ms.markDone')} · ${dialog.m.title}`
            : ''
        }
        initial={
          dialog?.kind === 'done'
            ? { doneOn: dialog.m.doneOn ?? new Date().toISOString().slice(0, 10), note: dialog.m.note }
            : {}
        }
        onSubmit={(v) =>
          dialog?.kind === 'done'
            ? followupApi.markMilestone(p.id, dialog.m.id, {
                done: !dialog.m.doneOn,
                ...(dialog.m.doneOn || !v.doneOn ? {} : { doneOn: v.doneOn }),
                note: v.note ?? '',
                revision: dialog.m.revision,
              })
            : Promise.resolve()
        }
        onClose={close}
      >
        {() => (
          <>
            {dialog?.kind === 'done' && !dialog.m.doneOn && (
              <Form.Item name="doneOn" label={t('fu.ms.doneOn')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('fu.ms.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </FormDialog>

      <FormDialog<ReportForm>
        open={dialog?.kind === 'report'}
        title={t('fu.rep.add')}
        onSubmit={(v) =>
          followupApi.addReport(p.id, {
            period: v.period,
            body: v.body,
            milestones: Object.entries(v.statuses ?? {})
              .filter(([, s]) => !!s)
              .map(([mid, s]) => ({
                milestoneId: Number(mid),
                status: s as (typeof REPORT_MS_STATES)[number],
              })),
            attachmentIds: files.map((f) => f.id),
          })
        }
        onClose={close}
      >
        {() => (
          <>
            <Form.Item
              name="period"
              label={t('fu.rep.period')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={50} placeholder={t('fu.rep.periodHint')} />
            </Form.Item>
            <Form.Item name="body" label={t('fu.rep.body')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} maxLength={10_000} />
            </Form.Item>
            {p.milestones.length > 0 && (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14 }}>{t('fu.rep.milestones')}</legend>
                {p.milestones.map((m) => (
                  <Form.Item key={m.id} name={['statuses', String(m.id)]} label={m.title}>
                    <Select
                      allowClear
                      options={REPORT_MS_STATES.map((s) => ({
                        value: s,
                        label: t(`fu.rep.ms.${s}` as MessageKey),
                      }))}
                    />
                  </Form.Item>
                ))}
              </fieldset>
            )}
            <Form.Item label={t('fu.rep.attachments')}>
              <Upload
                accept=".pdf,.png,.jpg,.jpeg"
                showUploadList={false}
                customRequest={(opt) => {
                  uploadFile(opt.file as File, 'evidence').then(
                    (f) => {
                      setFiles((prev) => [...prev, { id: f.id, filename: f.filename }]);
                      opt.onSuccess?.(f);
                    },
                    (err: Error) => opt.onError?.(err),
                  );
                }}
              >
                <Button>{t('fu.rep.upload')}</Button>
              </Upload>
              <div>
                {files.map((f) => (
                  <Tag key={f.id}>{f.filename}</Tag>
                ))}
              </div>
            </Form.Item>
          </>
        )}
      </FormDialog>

      <FormDialog<OutcomeInput>
        open={dialog?.kind === 'outcome'}
        title={`${t('fu.out.new')} · ${p.title}`}
        initial={EMPTY_OUTCOME}
        onSubmit={(v) => followupApi.createOutcome(p.id, v)}
        onClose={close}
      >
        {() => <OutcomeFields />}
      </FormDialog>
    </>
  );
}
