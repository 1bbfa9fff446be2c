import { publicApi } from '../../api/endpoints';
import type { Region } from '../../api/types';
import { useRequest } from '../../lib/useRequest';

/** The 41 districts, for region pickers. */
export function useDistricts(): Region[] {
  return useRequest('districts', () => publicApi.regions({ kind: 'district' })).data ?? [];
}
