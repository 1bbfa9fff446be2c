import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Radio, Space, Table, Tag, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { Forbidden } from '../../console/Forbidden';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { asApiError } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { importStations, registryApi } from '../api';
import type { ImportMode, ImportReport, ImportReportRow } from '../types';

interface ErrorLine {
  key: string;
  row: number;
  number: string;
  ok: boolean;
  column: string;
  message: string;
}

function lines(rows: ImportReportRow[]): ErrorLine[] {
  return rows.flatMap((r): ErrorLine[] =>
    r.ok
      ? [{ key: `${r.row}`, row: r.row, number: r.number, ok: true, column: '', message: '' }]
      : r.errors.map((e, i) => ({
          key: `${r.row}-${i}`,
          row: r.row,
          number: r.number,
          ok: false,
          column: `${e.columnLetter} ${e.column}`,
          message: e.message,
        })),
  );
}

/** 导入工作站 (municipal office): template, upload, dry run with the row/column report, then import. */
export default function ImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'dry' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (user?.role !== 'municipal_officer') return <Forbidden />;

  const send = async (dryRun: boolean) => {
    if (!file) {
      void message.warning(t('reg.import.noFile'));
      return;
    }
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    try {
      setReport(await importStations(file, mode, dryRun));
    } catch (err) {
      setReport(null);
      setError(asApiError(err).message);
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<ErrorLine> = [
    { title: t('reg.import.col.row'), dataIndex: 'row', width: 80 },
    {
      title: t('reg.col.number'),
      dataIndex: 'number',
      width: 180,
      render: (n: string) => <span className="mono">{n}</span>,
    },
    {
      title: t('reg.import.col.result'),
      dataIndex: 'ok',
      width: 90,
      render: (ok: boolean) => (
        <Tag color={ok ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
          {ok ? t('reg.import.ok') : t('reg.import.bad')}
        </Tag>
      ),
    },
    { title: t('reg.import.col.column'), dataIndex: 'column', width: 200 },
    { title: t('reg.import.col.message'), dataIndex: 'message' },
  ];

  return (
    <>
      <PageHead
        title={t('reg.import.title')}
        lead={t('reg.import.lead')}
        extra={<Link to="/console/stations">{t('reg.back')}</Link>}
      />
      <Card>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Button icon={<DownloadOutlined aria-hidden="true" />} href={registryApi.templateUrl}>
            {t('reg.import.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              setReport(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden="true" />
            </p>
            <p className="ant-upload-text">{t('reg.import.file')}</p>
          </Upload.Dragger>
          <div>
            <div id="import-mode-label" style={{ fontWeight: 500, marginBottom: 8 }}>
              {t('reg.import.mode')}
            </div>
            <Radio.Group
              aria-labelledby="import-mode-label"
              value={mode}
              onChange={(e) => setMode(e.target.value as ImportMode)}
              options={[
                { value: 'all_or_nothing', label: t('reg.import.all') },
                { value: 'good_rows', label: t('reg.import.good') },
              ]}
            />
          </div>
          <Space>
            <Button loading={busy === 'dry'} disabled={busy !== null} onClick={() => void send(true)}>
              {t('reg.import.dryRun')}
            </Button>
            <Button
              type="primary"
              loading={busy === 'run'}
              disabled={busy !== null}
              onClick={() => void send(false)}
            >
              {t('reg.import.run')}
            </Button>
          </Space>
          {error && <Alert type="error" showIcon title={error} />}
          {report && (
            <>
              <Alert
                type={report.invalid > 0 ? 'warning' : 'success'}
                showIcon
                data-testid="import-summary"
                title={report.dryRun ? t('reg.import.preview') : t('reg.import.done')}
                description={t('reg.import.summary', {
                  total: report.total,
                  valid: report.valid,
                  invalid: report.invalid,
                  imported: report.imported,
                })}
              />
              <Table<ErrorLine>
                rowKey="key"
                size="small"
                data-testid="import-report"
                columns={columns}
                dataSource={lines(report.rows)}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
              />
            </>
          )}
        </Space>
      </Card>
    </>
  );
}
