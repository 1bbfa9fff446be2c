import { GlobalOutlined, LockOutlined } from '@ant-design/icons';
import { Card, Descriptions, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { TransferChallengeData } from '../../../shared/challenges/form';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { FileList } from '../../stations/components/FileLink';
import { challengesApi } from '../api';
import { challengeKindLabel, domainLabel, maturityLabel } from '../labels';
import { isFull, type ChallengeFull, type ChallengePublic } from '../types';

/**
 * A posting shown read-only, by kind: the public part (what the hall shows) and, for those who receive it,
 * the confidential part (details, contact, attachments), each clearly marked.
 */
export function ChallengeFields({ challenge: c }: { challenge: ChallengePublic | ChallengeFull }) {
  const { t, lang } = useI18n();
  const text = (v: string | undefined): ReactNode =>
    v ? (
      <div style={{ whiteSpace: 'pre-wrap' }}>{v}</div>
    ) : (
      <span style={{ color: 'var(--text-2)' }}>{t('chp.f.none')}</span>
    );
  const field = (key: MessageKey, v: ReactNode, span = 1) => ({ key, label: t(key), children: v, span });
  const p = c.public;

  const common = [
    field('chp.f.kind', challengeKindLabel(c.kind, lang)),
    field('chp.f.domain', domainLabel(c.domain, lang)),
    field('chp.f.region', c.region?.name ?? '—'),
    field('chp.f.deadline', formatDate(c.deadline)),
    field(
      c.kind === 'tech' ? 'chp.f.budgetTech' : 'chp.f.budgetTransfer',
      t('chp.f.wan', { n: c.budgetWan }),
    ),
    ...(c.posterName ? [field('chp.f.poster', c.posterName)] : []),
  ];
  const fileUrl = (fid: number) => challengesApi.fileUrl(c.id, fid);
  const publicFiles = p.attachmentIds ?? [];
  const attachments =
    publicFiles.length > 0
      ? [
          field(
            'chp.f.publicAttachments',
            <FileList
              ids={publicFiles}
              files={(id) => c.publicAttachments?.find((f) => f.id === id)}
              urlOf={fileUrl}
            />,
            2,
          ),
        ]
      : [];
  const byKind =
    p.kind === 'tech'
      ? [
          field('chp.f.problem', text(p.problem), 2),
          field('chp.f.indicators', text(p.indicators), 2),
          field('chp.f.expectedOutcome', text(p.expectedOutcome), 2),
          field('chp.f.support', text(p.support), 2),
        ]
      : [
          field('chp.f.achievement', text(p.achievement), 2),
          field('chp.f.maturity', maturityLabel(p.maturity, lang), 2),
          field('chp.f.patents', <PatentTable patents={p.patents} />, 2),
          field('chp.f.ipOwnership', text(p.ipOwnership), 2),
          field('chp.f.market', text(p.market), 2),
          field('chp.f.partnerSought', text(p.partnerSought), 2),
        ];

  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="challenge-public"
        title={
          <span>
            <GlobalOutlined aria-hidden="true" /> {t('chp.edit.public')}{' '}
            <Tag color="processing">{t('chp.edit.publicTag')}</Tag>
          </span>
        }
      >
        <p style={{ color: 'var(--text-2)', marginTop: 0 }}>{t('chp.edit.publicNote')}</p>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          title={c.title}
          items={[...common, ...byKind, ...attachments]}
        />
      </Card>
      {isFull(c) && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="challenge-confidential"
          title={
            <span>
              <LockOutlined aria-hidden="true" /> {t('chp.edit.confidential')}{' '}
              <Tag color="warning">{t('chp.edit.confidentialTag')}</Tag>
            </span>
          }
        >
          <p style={{ color: 'var(--text-2)', marginTop: 0 }}>{t('chp.edit.confidentialNote')}</p>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              field('chp.f.details', text(c.confidential.details), 3),
              field('chp.f.contactName', c.confidential.contact.name),
              field('chp.f.contactPhone', c.confidential.contact.phone),
              field('chp.f.contactEmail', c.confidential.contact.email || '—'),
              field(
                'chp.f.attachments',
                <FileList
                  ids={c.confidential.attachmentIds}
                  files={(id) => c.attachments.find((f) => f.id === id)}
                  urlOf={fileUrl}
                />,
                3,
              ),
            ]}
          />
        </Card>
      )}
    </>
  );
}

type Patent = TransferChallengeData['patents'][number];

function PatentTable({ patents }: { patents: Patent[] }) {
  const { t } = useI18n();
  if (patents.length === 0) return <span style={{ color: 'var(--text-2)' }}>{t('chp.f.noPatents')}</span>;
  return (
    <Table<Patent>
      size="small"
      pagination={false}
      rowKey={(r) => r.number}
      dataSource={patents}
      columns={[
        { title: t('chp.f.patentNumber'), dataIndex: 'number' },
        { title: t('chp.f.patentTitle'), dataIndex: 'title' },
        { title: t('chp.f.patentOwner'), dataIndex: 'owner' },
      ]}
    />
  );
}
