import { Navigate, useParams } from 'react-router';
import { Forbidden } from '../../console/Forbidden';
import { useSession } from '../../session/SessionContext';
import { UnitApplication } from './UnitApplication';
import '../stations.css';

/**
 * /console/station-applications/:id — the address notifications link to. The unit edits or views its
 * application here; the offices are sent to their review pages.
 */
export default function ApplicationPage() {
  const { id } = useParams();
  const { user } = useSession();
  const appId = Number(id);
  if (!user || !Number.isInteger(appId) || appId <= 0) return <Forbidden notFound />;
  if (user.role === 'district_officer') return <Navigate to={`/console/station-review/${appId}`} replace />;
  if (user.role === 'municipal_officer') return <Navigate to={`/console/station-certify/${appId}`} replace />;
  if (user.role !== 'unit') return <Forbidden />;
  return <UnitApplication id={appId} />;
}
