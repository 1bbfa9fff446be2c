import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { LangSwitch } from '../components/LangSwitch';
import { PageFallback } from '../components/PageFallback';
import { useI18n } from '../i18n';
import { useSession } from '../session/SessionContext';

/** The public site: banner with navigation, main content, footer with the office's contact. */
export function PortalLayout() {
  const { t } = useI18n();
  const { user } = useSession();
  const { pathname } = useLocation();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  const navClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'portal-nav__link portal-nav__link--active' : 'portal-nav__link';

  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="portal-header">
        <div className="portal-header__inner">
          <Link to="/" className="brand">
            <span className="brand__logo" aria-hidden="true">
              博
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <nav className="portal-nav" aria-label={t('nav.main')}>
            <NavLink to="/" end className={navClass}>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/stations" className={navClass}>
              {t('nav.stations')}
            </NavLink>
            <NavLink to="/directory" className={navClass}>
              {t('nav.directory')}
            </NavLink>
            <NavLink to="/hall" className={navClass}>
              {t('nav.hall')}
            </NavLink>
            <NavLink to="/results" className={navClass}>
              {t('nav.results')}
            </NavLink>
            <NavLink to="/help" className={navClass}>
              {t('nav.help')}
            </NavLink>
          </nav>
          <div className="portal-header__actions">
            <LangSwitch variant="dark" />
            {user ? (
              <Link className="hbtn hbtn--solid" to="/console">
                {t('nav.console')}
              </Link>
            ) : (
              <>
                <Link className="hbtn" to="/login">
                  {t('nav.login')}
                </Link>
                <Link className="hbtn hbtn--solid" to="/register">
                  {t('nav.register')}
                </Link>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <div className="portal-footer__inner">
          <p>
            {t('footer.host', { office: t('app.office') })}
            <span className="portal-footer__sep" aria-hidden="true">
              |
            </span>
            {t('footer.phone', { phone: '023-88152120' })}
          </p>
          <p className="portal-footer__note">{t('footer.note')}</p>
        </div>
      </footer>
    </div>
  );
}
