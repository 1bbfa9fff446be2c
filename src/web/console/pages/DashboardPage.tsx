import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import { guideFor } from '../../content/roles';
import { useI18n } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { consolePath, PAGES, pagesFor } from '../menu';
import { useNotifications } from '../NotificationsContext';
import { PageHead } from '../PageHead';

/** 工作台: who you are, what you can do now, and what is coming for your role. */
export default function DashboardPage() {
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  const notifications = useNotifications();
  if (!user) return null;
  const guide = guideFor(user.role);
  const shortcuts = pagesFor(user.role).filter((k) => k !== 'dashboard');
  const region = user.region ? (lang === 'en' ? user.region.nameEn : user.region.name) : null;

  return (
    <>
      <PageHead title={t('menu.dashboard')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={18}>
          <Card style={{ height: '100%' }}>
            <h2 style={{ margin: '0 0 6px', fontSize: 20 }}>
              {t('dash.welcome', { name: user.displayName })}
            </h2>
            <p style={{ margin: '0 0 8px' }}>
              <Tag color="blue">{t('dash.role', { role: t(`role.${user.role}`) })}</Tag>
              {region && <Tag>{t('dash.region', { region })}</Tag>}
            </p>
            {guide && <p style={{ margin: 0, color: 'var(--text-2)' }}>{pick(guide.summary)}</p>}
          </Card>
        </Col>
        <Col xs={24} lg={6}>
          <Card style={{ height: '100%' }}>
            <Link to="/console/notifications" aria-label={t('shell.bell', { n: notifications.unread })}>
              <Statistic title={t('dash.unread')} value={notifications.unread} />
            </Link>
          </Card>
        </Col>
      </Row>

      <h2 className="section-title" style={{ marginTop: 24 }}>
        {t('dash.shortcuts')}
      </h2>
      <Row gutter={[16, 16]}>
        {shortcuts.map((k) => (
          <Col xs={12} md={8} xl={6} key={k}>
            <Card hoverable size="small">
              <Link
                to={consolePath(k)}
                style={{ display: 'flex', gap: 10, alignItems: 'center', fontSize: 15 }}
              >
                <span style={{ fontSize: 20 }} aria-hidden="true">
                  {PAGES[k].icon}
                </span>
                {t(PAGES[k].label)}
              </Link>
            </Card>
          </Col>
        ))}
      </Row>

      {guide && guide.later.length > 0 && (
        <>
          <h2 className="section-title" style={{ marginTop: 24 }}>
            {t('dash.upcoming')}
          </h2>
          <p style={{ color: 'var(--text-2)', marginTop: -6 }}>{t('dash.upcomingNote')}</p>
          <Row gutter={[16, 16]}>
            {guide.later.map((item) => (
              <Col xs={24} md={12} xl={8} key={item.zh}>
                <Card size="small" style={{ height: '100%', background: '#fafbfd' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <span>{pick(item)}</span>
                    <Tag icon={<ClockCircleOutlined />} style={{ alignSelf: 'flex-start' }}>
                      {t('common.comingSoon')}
                    </Tag>
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
