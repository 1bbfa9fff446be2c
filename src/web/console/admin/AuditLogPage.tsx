import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { auditApi } from '../../api/endpoints';
import type { AuditRecord, ChainVerification } from '../../api/types';
import { useI18n } from '../../i18n';
import { messages } from '../../i18n/dict';
import { formatDateTime } from '../../lib/format';
import { asApiError, useRequest } from '../../lib/useRequest';
import { PageHead } from '../PageHead';

const PAGE_SIZE = 50;
const KNOWN_ACTIONS = Object.keys(messages)
  .filter((k) => k.startsWith('auditAction.'))
  .map((k) => k.slice('auditAction.'.length));
const ENTITY_TYPES = ['account', 'unit', 'settings', 'notification'];

interface Filters {
  action?: string;
  actorName?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined)
    return <span style={{ color: 'var(--text-2)' }}>{t('aud.empty')}</span>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** 审计日志 (audit admin): search the trail, see each record's before/after, verify the hash chain. */
export default function AuditLogPage() {
  const { t, tx } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<ChainVerification | { error: string } | null>(null);

  const query = {
    action: filters.action,
    actorName: filters.actorName?.trim() || undefined,
    entityType: filters.entityType,
    entityId: filters.entityId?.trim() || undefined,
    from: filters.range?.[0]?.toISOString(),
    to: filters.range?.[1]?.toISOString(),
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useRequest(`audit:${JSON.stringify(query)}`, () => auditApi.list(query));

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await auditApi.verify());
    } catch (err) {
      setVerify({ error: asApiError(err).message });
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditRecord> = [
    { title: '#', dataIndex: 'id', width: 70 },
    { title: t('aud.col.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('aud.col.actor'),
      key: 'actor',
      render: (_, r) => (
        <span>
          {r.actorRole === 'system' || !r.actorName ? t('aud.system') : r.actorName}
          {r.actorRole && r.actorRole !== 'system' && (
            <Tag style={{ marginLeft: 6 }}>{tx(`role.${r.actorRole}`, r.actorRole)}</Tag>
          )}
        </span>
      ),
    },
    {
      title: t('aud.col.action'),
      dataIndex: 'action',
      render: (a: string) => (
        <span>
          {tx(`auditAction.${a}`, a)}{' '}
          <span className="mono" style={{ color: 'var(--text-2)' }}>
            {a}
          </span>
        </span>
      ),
    },
    {
      title: t('aud.col.entity'),
      key: 'entity',
      render: (_, r) => `${tx(`entityType.${r.entityType}`, r.entityType)} #${r.entityId}`,
    },
    { title: t('aud.col.ip'), dataIndex: 'ip', width: 130, responsive: ['lg'] },
  ];

  const verifyAlert = (() => {
    if (!verify) return null;
    if ('error' in verify) return <Alert type="error" showIcon title={verify.error} />;
    if (verify.ok)
      return (
        <Alert
          type="success"
          showIcon
          title={t('aud.verifyOk', { n: verify.checked })}
          data-testid="verify-result"
        />
      );
    return (
      <Alert
        type="error"
        showIcon
        data-testid="verify-result"
        title={t('aud.verifyBroken', {
          at: verify.brokenAt ?? '?',
          n: verify.checked,
          reason: tx(`chain.${verify.reason ?? ''}`, verify.reason ?? ''),
        })}
      />
    );
  })();

  return (
    <>
      <PageHead
        title={t('aud.title')}
        lead={t('aud.lead')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verifying}
            onClick={() => void runVerify()}
          >
            {t('aud.verify')}
          </Button>
        }
      />
      {verifyAlert && <div style={{ marginBottom: 16 }}>{verifyAlert}</div>}
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters>
          form={form}
          name="audit-filters"
          layout="vertical"
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label={t('aud.action')} name="action">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('aud.anyAction')}
                  options={KNOWN_ACTIONS.map((a) => ({
                    value: a,
                    label: `${tx(`auditAction.${a}`, a)} (${a})`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label={t('aud.actorName')} name="actorName">
                <Input allowClear maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item label={t('aud.entityType')} name="entityType">
                <Select
                  allowClear
                  placeholder={t('aud.anyType')}
                  options={ENTITY_TYPES.map((e) => ({ value: e, label: tx(`entityType.${e}`, e) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={3}>
              <Form.Item label={t('aud.entityId')} name="entityId">
                <Input allowClear maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} md={24} xl={7}>
              <Form.Item label={t('aud.range')} name="range">
                <DatePicker.RangePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('action.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('action.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card>
        {list.error && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<AuditRecord>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          data-testid="audit-table"
          expandable={{
            columnTitle: <span className="visually-hidden">{t('aud.details')}</span>,
            expandedRowRender: (r) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <h3 style={{ fontSize: 13, margin: '0 0 6px' }}>{t('aud.before')}</h3>
                  <Json value={r.before} />
                </Col>
                <Col xs={24} md={12}>
                  <h3 style={{ fontSize: 13, margin: '0 0 6px' }}>{t('aud.after')}</h3>
                  <Json value={r.after} />
                </Col>
                <Col xs={24} style={{ marginTop: 10 }}>
                  <div className="mono">
                    {t('aud.hash')}: {r.hash}
                  </div>
                  <div className="mono" style={{ color: 'var(--text-2)' }}>
                    {t('aud.prevHash')}: {r.prevHash}
                  </div>
                </Col>
              </Row>
            ),
          }}
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
    </>
  );
}
