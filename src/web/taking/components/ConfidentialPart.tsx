import { LockOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Spin } from 'antd';
import { useI18n } from '../../i18n';
import { useRequest } from '../../lib/useRequest';
import { FileList } from '../../stations/components/FileLink';
import { takingApi } from '../api';

/** A need's confidential part for a taker past the 保密书 (the server logs every view and download). */
export function ConfidentialPart({ challengeId }: { challengeId: number }) {
  const { t } = useI18n();
  const res = useRequest(`tk-confidential:${challengeId}`, () => takingApi.confidential(challengeId));
  const c = res.data;
  const files = new Map((c?.attachments ?? []).map((f) => [f.id, f]));
  const contact = c?.confidential.contact;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="confidential-part"
      title={
        <span>
          <LockOutlined aria-hidden="true" /> {t('tk.conf.part')}
        </span>
      }
    >
      {res.error ? (
        <Alert type="error" showIcon title={res.error.message} />
      ) : !c ? (
        <Spin />
      ) : (
        <Descriptions
          column={1}
          bordered
          size="small"
          styles={{ label: { width: 160 } }}
          items={[
            {
              key: 'details',
              label: t('tk.conf.details'),
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.confidential.details || '—'}</div>,
            },
            {
              key: 'contact',
              label: t('tk.conf.contact'),
              children: contact
                ? [contact.name, contact.phone, contact.email].filter(Boolean).join(' · ')
                : '—',
            },
            {
              key: 'files',
              label: t('tk.conf.attachments'),
              children: (
                <FileList
                  ids={c.attachments.map((f) => f.id)}
                  files={(id) => files.get(id)}
                  urlOf={(id) => takingApi.confidentialFileUrl(challengeId, id)}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
