import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../api/types';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';
import { useNotifications } from './NotificationsContext';

/** The header bell: unread count, the latest messages, "mark all read". */
export function NotificationBell() {
  const { t } = useI18n();
  const n = useNotifications();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);

  const openItem = (item: Notification) => {
    setOpen(false);
    if (!item.readAt) void n.markRead(item.id);
    navigate(item.link && item.link.startsWith('/') ? item.link : '/console/notifications');
  };

  const panel = (
    <div
      className="ant-dropdown-menu"
      style={{ width: 340, padding: 12 }}
      role="dialog"
      aria-label={t('shell.bellTitle')}
    >
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 4 }}
      >
        <strong>{t('shell.bellTitle')}</strong>
        <Button
          type="link"
          size="small"
          disabled={n.unread === 0}
          onClick={() => void n.markAllRead()}
          style={{ padding: 0 }}
        >
          {t('shell.markAllRead')}
        </Button>
      </div>
      {n.latest.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shell.noNotifications')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {n.latest.map((item) => (
            <li key={item.id} className={item.readAt ? 'notif-item' : 'notif-item notif-item--unread'}>
              <Button
                type="text"
                block
                onClick={() => openItem(item)}
                style={{ height: 'auto', textAlign: 'left', padding: '2px 4px', whiteSpace: 'normal' }}
              >
                <span style={{ display: 'block', width: '100%' }}>
                  {!item.readAt && <Badge status="processing" style={{ marginRight: 6 }} />}
                  <span className="notif-item__title">{item.title}</span>
                  <Typography.Paragraph
                    ellipsis={{ rows: 2 }}
                    style={{ margin: '2px 0', color: 'var(--text-2)', fontSize: 13 }}
                  >
                    {item.body}
                  </Typography.Paragraph>
                  <span className="notif-item__meta">{formatDateTime(item.createdAt)}</span>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div style={{ textAlign: 'center', borderTop: '1px solid var(--line)', paddingTop: 8, marginTop: 4 }}>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/console/notifications');
          }}
        >
          {t('shell.viewAll')}
        </Button>
      </div>
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => panel}
    >
      <Button
        type="text"
        aria-label={t('shell.bell', { n: n.unread })}
        data-testid="notification-bell"
        style={{ color: '#fff' }}
        icon={
          <Badge count={n.unread} size="small" offset={[2, -2]}>
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
