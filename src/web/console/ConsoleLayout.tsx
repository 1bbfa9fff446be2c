import { DownOutlined, GlobalOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Tag, type MenuProps } from 'antd';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { setAuthErrorHandler } from '../api/client';
import type { User } from '../api/types';
import { LangSwitch } from '../components/LangSwitch';
import { PageFallback } from '../components/PageFallback';
import { useI18n } from '../i18n';
import { useSession } from '../session/SessionContext';
import { consolePath, PAGES, pagesFor, type PageKey } from './menu';
import { NotificationBell } from './NotificationBell';

const { Header, Sider, Content } = Layout;
const GROUPS = ['work', 'admin', 'mine'] as const;

function currentPage(pathname: string): PageKey {
  const seg = pathname.replace(/^\/console\/?/, '').split('/')[0] ?? '';
  const hit = (Object.keys(PAGES) as PageKey[]).find((k) => PAGES[k].path === seg);
  return hit ?? 'dashboard';
}

/** The console frame: header (user, language, bell, logout), role-aware side menu, page content. */
export function ConsoleLayout({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const page = currentPage(pathname);
  const sentAway = useRef(false);

  // Any API call that finds the session gone or a password change pending sends the user on. A lost
  // session clears the user; ConsoleApp then redirects to the login page with the reason.
  useEffect(() => {
    setAuthErrorHandler((code) => {
      // Several calls can fail at once; the first one decides where the user goes.
      if (sentAway.current) return;
      if (code === 'PASSWORD_CHANGE_REQUIRED') {
        void session.refresh();
        navigate('/console/password', { replace: true });
        return;
      }
      sentAway.current = true;
      session.lost(code === 'SESSION_EXPIRED');
    });
    return () => setAuthErrorHandler(null);
  }, [navigate, session]);

  if (user.mustChangePassword && page !== 'password') return <Navigate to="/console/password" replace />;

  const keys = pagesFor(user.role);
  const items: MenuProps['items'] = GROUPS.flatMap((g) => {
    const inGroup = keys.filter((k) => PAGES[k].group === g);
    if (inGroup.length === 0) return [];
    return [
      {
        type: 'group' as const,
        key: g,
        label: collapsed ? null : t(`menu.group.${g}`),
        children: inGroup.map((k) => ({
          key: k,
          icon: PAGES[k].icon,
          label: <Link to={consolePath(k)}>{t(PAGES[k].label)}</Link>,
        })),
      },
    ];
  });

  // ConsoleApp sends the user to the login page once the session is gone.
  const logout = () => session.logout();

  const userMenu: MenuProps['items'] = [
    {
      key: 'profile',
      icon: <IdcardOutlined />,
      label: t('menu.profile'),
      onClick: () => navigate('/console/profile'),
    },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('menu.password'),
      onClick: () => navigate('/console/password'),
    },
    { key: 'portal', icon: <GlobalOutlined />, label: t('shell.portal'), onClick: () => navigate('/') },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('shell.logout'),
      danger: true,
      onClick: () => void logout(),
    },
  ];

  const regionName = user.region ? (lang === 'en' ? user.region.nameEn : user.region.name) : null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#console-main">
        {t('app.skip')}
      </a>
      <Header className="console-header">
        <Link to="/console" className="console-brand">
          <span className="brand__logo" aria-hidden="true">
            博
          </span>
          {t('app.name')}
          <span style={{ fontWeight: 400, fontSize: 13, opacity: 0.9 }}>{t('menu.dashboard')}</span>
        </Link>
        <span className="console-header__spacer" />
        <LangSwitch variant="dark" />
        <NotificationBell />
        <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
          <Button
            type="text"
            style={{ color: '#fff' }}
            aria-label={`${t('shell.userMenu')}: ${user.displayName}`}
          >
            <span data-testid="current-user">{user.displayName}</span>
            <Tag style={{ marginInlineStart: 8, marginInlineEnd: 0 }} color="blue">
              {t(`role.${user.role}`)}
              {regionName ? ` · ${regionName}` : ''}
            </Tag>
            <DownOutlined aria-hidden="true" />
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        <Sider
          width={216}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          style={{ borderRight: '1px solid var(--line)' }}
        >
          <nav aria-label={t('menu.label')}>
            <Menu mode="inline" selectedKeys={[page]} items={items} style={{ borderInlineEnd: 0 }} />
          </nav>
        </Sider>
        <Content id="console-main" className="console-content" tabIndex={-1}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
