import { api, ApiError, withQuery } from '../api/client';
import type { Page } from '../api/types';
import { storedLang } from '../i18n/storage';
import { readCsrf } from '../stations/api';
import type {
  AdjustmentReport,
  Guide,
  ImportMode,
  ImportReport,
  RecruitInput,
  RegionDetail,
  StationDetail,
  StationListItem,
  StationQuery,
  StatsApplicationsRow,
  StatsAtRiskRow,
  StatsRecruitsRow,
  StatsStationsRow,
} from './types';

const BASE = '/api/stations';

/** 工作站管理: the registry, one station, recruits, deregistration and the adjustment check. */
export const registryApi = {
  list: (q: StationQuery) => api.get<Page<StationListItem>>(BASE, { ...q }),
  exportUrl: (q: Omit<StationQuery, 'page' | 'pageSize'>) => withQuery(`${BASE}/export.xlsx`, { ...q }),
  get: (id: number) => api.get<StationDetail>(`${BASE}/${id}`),
  addRecruit: (id: number, body: RecruitInput) => api.post<{ id: number }>(`${BASE}/${id}/recruits`, body),
  exit: (id: number, rid: number, exitDate: string) =>
    api.post<{ ok: true }>(`${BASE}/${id}/recruits/${rid}/exit`, { exitDate }),
  cultivation: (id: number, flag: boolean) => api.post<{ ok: true }>(`${BASE}/${id}/cultivation`, { flag }),
  deregister: (id: number, body: { cause: string; opinion: string; evidence: number[] }) =>
    api.post<{ ok: true }>(`${BASE}/${id}/deregister`, body),
  decide: (id: number, confirm: boolean, opinion: string) =>
    api.post<{ ok: true }>(`${BASE}/${id}/deregistration/${confirm ? 'confirm' : 'decline'}`, { opinion }),
  runAdjustment: () => api.post<AdjustmentReport>(`${BASE}/adjustment/run`),
  templateUrl: `${BASE}/import/template.xlsx`,
};

/** Uploads the import workbook (multipart) and returns the per-row report. */
export async function importStations(file: File, mode: ImportMode, dryRun: boolean): Promise<ImportReport> {
  if (!readCsrf()) await api.get('/api/health').catch(() => undefined);
  const body = new FormData();
  body.append('mode', mode);
  body.append('dryRun', dryRun ? '1' : '0');
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${BASE}/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': storedLang(), 'x-csrf-token': readCsrf() },
      body,
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      storedLang() === 'en' ? 'Network error' : '网络连接失败，请检查网络后重试',
    );
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? `HTTP ${res.status}`);
  }
  return json as ImportReport;
}

export const guideApi = {
  get: (id: number) => api.get<RegionDetail>(`/api/regions/${id}`),
  save: (id: number, guide: Guide) => api.put<RegionDetail>(`/api/regions/${id}/guide`, guide),
};

export type StatsKind = 'stations' | 'applications' | 'recruits' | 'at-risk';

export const statsApi = {
  stations: (regionId?: number) =>
    api.get<{ rows: StatsStationsRow[]; totals: Omit<StatsStationsRow, 'regionId' | 'regionName'> }>(
      '/api/stats/stations',
      { regionId },
    ),
  applications: (regionId?: number) =>
    api.get<{
      rows: StatsApplicationsRow[];
      states: Array<{ key: string; label: string; labelEn: string }>;
    }>('/api/stats/applications', { regionId }),
  recruits: (regionId?: number) => api.get<{ rows: StatsRecruitsRow[] }>('/api/stats/recruits', { regionId }),
  atRisk: (regionId?: number) =>
    api.get<{ rows: StatsAtRiskRow[]; total: number }>('/api/stats/at-risk', { regionId }),
  exportUrl: (kind: StatsKind, regionId?: number) =>
    withQuery(`/api/stats/${kind}/export.xlsx`, { regionId }),
};
