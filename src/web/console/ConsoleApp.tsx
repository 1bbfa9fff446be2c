import { App as AntApp } from 'antd';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from '../../shared/roles';
import { challengeRoutes } from '../challenges/routes';
import { PageFallback } from '../components/PageFallback';
import type { LoginState } from '../lib/navigation';
import { useSession } from '../session/SessionContext';
import { registryRoutes } from '../registry/routes';
import { stationRoutes } from '../stations/routes';
import { takingRoutes } from '../taking/routes';
import { organiserRoutes } from '../organiser/routes';
import { followupRoutes } from '../followup/routes';
import { ConsoleLayout } from './ConsoleLayout';
import { Forbidden } from './Forbidden';
import { PAGES, pagesFor, type PageKey } from './menu';
import { NotificationsProvider } from './NotificationsContext';

function Page({ page, role }: { page: PageKey; role: Role }) {
  if (!pagesFor(role).includes(page)) return <Forbidden />;
  const Component = PAGES[page].component;
  return <Component />;
}

/** /console/*: needs a session; the routes come from the page table in menu.tsx. */
export default function ConsoleApp() {
  const session = useSession();
  const location = useLocation();
  if (!session.loaded) return <PageFallback fullScreen />;
  if (!session.user) {
    const state: LoginState =
      session.endReason === 'loggedOut'
        ? { notice: 'loggedOut' }
        : { notice: session.endReason === 'expired' ? 'expired' : 'loginRequired', from: location.pathname };
    return <Navigate to="/login" replace state={state} />;
  }
  const role = session.user.role;
  return (
    <AntApp>
      <NotificationsProvider enabled={!session.user.mustChangePassword}>
        <Routes>
          <Route element={<ConsoleLayout user={session.user} />}>
            {(Object.keys(PAGES) as PageKey[]).map((key) =>
              PAGES[key].path === '' ? (
                <Route key={key} index element={<Page page={key} role={role} />} />
              ) : (
                <Route key={key} path={PAGES[key].path} element={<Page page={key} role={role} />} />
              ),
            )}
            {stationRoutes()}
            {registryRoutes()}
            {challengeRoutes()}
            {takingRoutes()}
            {followupRoutes()}
            {organiserRoutes()}
            <Route path="*" element={<Forbidden notFound />} />
          </Route>
        </Routes>
      </NotificationsProvider>
    </AntApp>
  );
}
