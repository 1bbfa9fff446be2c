import { Alert, Empty, Spin } from 'antd';
import { PageHead } from '../../console/PageHead';
import { useI18n } from '../../i18n';
import { useRequest } from '../../lib/useRequest';
import { registryApi } from '../api';
import { StationView } from '../components/StationView';

/** 我的工作站 (unit): the unit's live station (or its latest), with its recruit records. */
export default function MyStationPage() {
  const { t } = useI18n();
  const list = useRequest('my-stations', () => registryApi.list({ page: 1, pageSize: 20 }));
  const items = list.data?.items ?? [];
  const mine = items.find((s) => s.status !== 'deregistered') ?? items[0];
  const station = useRequest(mine ? `station:${mine.id}` : null, () => registryApi.get(mine?.id ?? 0));
  const error = list.error ?? station.error;
  return (
    <>
      <PageHead title={t('menu.myStation')} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {list.data && !mine && <Empty description={t('reg.my.none')} />}
      {station.data ? (
        <StationView station={station.data} onChanged={station.reload} />
      ) : (
        !error && (list.loading || mine) && <Spin />
      )}
    </>
  );
}
