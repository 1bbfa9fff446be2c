import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import { useState } from 'react';
import { PageHead } from '../console/PageHead';
import { useI18n, type MessageKey } from '../i18n';
import { asApiError, useRequest } from '../lib/useRequest';
import { resultsApi, type MyCertificate } from './api';

/** 我的证明: certificates of participation and of successful match; issued on first download. */
export default function MyCertificatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const req = useRequest(`results:mine:${tick}`, () => resultsApi.mine());
  const download = async (c: MyCertificate) => {
    try {
      const cert = c.certificate ?? (await resultsApi.issue(c.kind, c.subjectId));
      window.open(resultsApi.certificatePdfUrl(cert.id), '_blank');
      if (!c.certificate) setTick((n) => n + 1);
    } catch (err) {
      void message.error(asApiError(err).message);
    }
  };
  return (
    <>
      <PageHead title={t('cert.title')} lead={t('cert.lead')} />
      <Table<MyCertificate>
        rowKey={(c) => `${c.kind}:${c.subjectId}`}
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        locale={{ emptyText: t('cert.none') }}
        pagination={false}
        columns={[
          {
            title: t('cert.col.kind'),
            width: 170,
            render: (_v, c) => t(`cert.kind.${c.kind}` as MessageKey),
          },
          { title: t('cert.col.subject'), render: (_v, c) => c.title },
          { title: t('cert.col.date'), dataIndex: 'date', width: 120 },
          {
            title: t('cert.col.number'),
            width: 260,
            render: (_v, c) =>
              c.certificate ? `${c.certificate.number} / ${c.certificate.verificationCode}` : '—',
          },
          {
            title: '',
            width: 130,
            render: (_v, c) => (
              <Button
                size="small"
                icon={<DownloadOutlined aria-hidden="true" />}
                onClick={() => void download(c)}
                data-testid={`cert-${c.kind}-${c.subjectId}`}
              >
                {t('cert.download')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
