import { Alert, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { useRequest } from '../../lib/useRequest';
import { useSession } from '../../session/SessionContext';
import { registryApi } from '../api';
import { StationView } from '../components/StationView';

/** /console/stations/:id — one station (the server decides who may see it). */
export default function StationDetailPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const id = Number(useParams().id);
  const station = useRequest(Number.isInteger(id) ? `station:${id}` : null, () => registryApi.get(id));
  const back =
    user?.role === 'unit' ? (
      <Link to="/console/my-station">{t('menu.myStation')}</Link>
    ) : (
      <Link to="/console/stations">{t('reg.back')}</Link>
    );
  return (
    <>
      <PageHead title={station.data ? `${station.data.unit.name}` : t('menu.registry')} extra={back} />
      {station.error && (
        <Alert type="error" showIcon title={station.error.message} style={{ marginBottom: 16 }} />
      )}
      {station.data ? (
        <StationView station={station.data} onChanged={station.reload} />
      ) : (
        !station.error && <Spin />
      )}
    </>
  );
}
