import { Alert, Badge, Button, Card, Empty, Segmented, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../../api/endpoints';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useNotifications } from '../NotificationsContext';
import { PageHead } from '../PageHead';

/** 消息通知: the account's notifications, newest first. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const shared = useNotifications();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, loading } = useRequest(`notifs:${unreadOnly}:${shared.version}`, () =>
    notificationsApi.list({ unreadOnly, limit: 100 }),
  );
  const items = data?.items ?? [];

  return (
    <>
      <PageHead
        title={t('notif.title')}
        extra={
          <Space>
            <Segmented<string>
              aria-label={t('notif.unreadOnly')}
              value={unreadOnly ? 'unread' : 'all'}
              onChange={(v) => setUnreadOnly(v === 'unread')}
              options={[
                { value: 'all', label: t('notif.all') },
                { value: 'unread', label: t('notif.unreadOnly') },
              ]}
            />
            <Button disabled={shared.unread === 0} onClick={() => void shared.markAllRead()}>
              {t('shell.markAllRead')}
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Spin spinning={loading && !data}>
          {items.length === 0 ? (
            <Empty description={t('notif.empty')} />
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'notif-item' : 'notif-item notif-item--unread'}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
                    <div>
                      <Badge
                        status={n.readAt ? 'default' : 'processing'}
                        text={<span className="notif-item__title">{n.title}</span>}
                      />
                      <p style={{ margin: '4px 0' }}>{n.body}</p>
                      <span className="notif-item__meta">
                        {formatDateTime(n.createdAt)} · {n.readAt ? t('notif.read') : t('notif.unread')}
                      </span>
                    </div>
                    <Space style={{ alignSelf: 'center' }}>
                      {n.link && n.link.startsWith('/') && <Link to={n.link}>{t('notif.open')}</Link>}
                      {!n.readAt && (
                        <Button size="small" onClick={() => void shared.markRead(n.id)}>
                          {t('notif.markRead')}
                        </Button>
                      )}
                    </Space>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Spin>
      </Card>
    </>
  );
}
