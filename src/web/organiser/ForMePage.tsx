import { Button, Card, Empty, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHead } from '../console/PageHead';
import { useI18n } from '../i18n';
import { useRequest } from '../lib/useRequest';
import { organiserApi, type Suggestion } from './api';
import { Reasons, SuggestionTag, useDomainLabel } from './labels';
import { NoteDialog } from './NoteDialog';

/** 为我推荐: open needs fitting the person or unit, and the needs the office suggested to them. */
export default function ForMePage() {
  const { t } = useI18n();
  const domain = useDomainLabel();
  const recs = useRequest('org-me', () => organiserApi.recommendNeeds());
  const mine = useRequest('org-me-sugg', () => organiserApi.mySuggestions());
  const [declining, setDeclining] = useState<Suggestion | null>(null);
  const profile = recs.data?.profile;
  return (
    <>
      <PageHead title={t('org.me.title')} lead={t('org.me.lead')} />
      {(mine.data?.items.length ?? 0) > 0 && (
        <Card title={t('org.me.suggested')} style={{ marginBottom: 16 }}>
          <List<Suggestion>
            dataSource={mine.data?.items ?? []}
            renderItem={(s) => (
              <List.Item
                actions={[
                  s.state === 'suggested' && (
                    <Link key="go" to={`/console/taking/new/${s.challengeId}`}>
                      {t('org.sg.signUp')}
                    </Link>
                  ),
                  s.actions.includes('decline') && (
                    <Button key="decline" size="small" onClick={() => setDeclining(s)}>
                      {t('org.sg.decline')}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <Link to={`/hall/${s.challengeId}`}>{s.challengeTitle}</Link>
                      <SuggestionTag state={s.state} />
                    </Space>
                  }
                  description={s.note || s.reason}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card>
        {profile && (profile.domains.length > 0 || profile.keywords.length > 0) && (
          <p style={{ marginTop: 0 }}>
            {t('org.me.profile', {
              domains: profile.domains.map(domain).join('、') || '—',
              keywords: profile.keywords.join('、') || '—',
            })}
          </p>
        )}
        <List
          loading={recs.loading}
          dataSource={recs.data?.items ?? []}
          locale={{ emptyText: <Empty description={recs.error?.message ?? t('org.me.none')} /> }}
          renderItem={(n) => (
            <List.Item extra={<Tag>{t('org.me.deadline', { date: n.deadline })}</Tag>}>
              <List.Item.Meta
                title={<Link to={`/hall/${n.id}`}>{n.title}</Link>}
                description={
                  <>
                    <Tag>{domain(n.domain)}</Tag>
                    <Reasons reasons={n.reasons} />
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <NoteDialog
        open={declining !== null}
        title={t('org.sg.decline')}
        label={t('org.sg.declineReason')}
        required={t('org.sg.declineReason')}
        onClose={() => setDeclining(null)}
        onOk={async (reason) => {
          await organiserApi.decideSuggestion(declining!.id, 'decline', reason);
          mine.reload();
        }}
      />
    </>
  );
}
