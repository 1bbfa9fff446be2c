import { api, ApiError, withQuery, type FieldIssue } from '../api/client';
import type { Page } from '../api/types';
import { storedLang } from '../i18n/storage';
import type { ApplicationFormData } from '../../shared/stations/form';
import type {
  ApplicationDetail,
  ApplicationListItem,
  ApplicationQuery,
  CertBatch,
  DecisionAction,
  FileView,
  PublicStation,
} from './types';

const BASE = '/api/station-applications';

function listQuery(q: ApplicationQuery) {
  return { ...q, unbatched: q.unbatched ? '1' : undefined };
}

/** 设站申报: the unit's form and every office's queue. */
export const applicationsApi = {
  list: (q: ApplicationQuery) => api.get<Page<ApplicationListItem>>(BASE, listQuery(q)),
  /** The Excel export of the same queue: a plain link (the session cookie goes along). */
  exportUrl: (q: ApplicationQuery) => withQuery(`${BASE}/export.xlsx`, listQuery({ ...q, page: undefined })),
  create: () => api.post<ApplicationDetail>(BASE),
  get: (id: number) => api.get<ApplicationDetail>(`${BASE}/${id}`),
  saveForm: (id: number, form: ApplicationFormData, revision: number) =>
    api.put<{ revision: number }>(`${BASE}/${id}/form`, { form, revision }),
  attachScan: (id: number, fileId: number) =>
    api.post<ApplicationDetail>(`${BASE}/${id}/sealed-scan`, { fileId }),
  act: (id: number, action: DecisionAction, body: { opinion?: string; flagged?: string[] } = {}) =>
    api.post<ApplicationDetail>(`${BASE}/${id}/actions/${action}`, body),
  pdfUrl: (id: number) => `${BASE}/${id}/pdf`,
  formUrl: (id: number) => `${BASE}/${id}/form`,
};

/** 认定批次 (municipal office). */
export const batchesApi = {
  list: () => api.get<{ items: CertBatch[] }>('/api/cert-batches').then((r) => r.items),
  create: (name: string) => api.post<{ id: number }>('/api/cert-batches', { name }),
  add: (id: number, applicationIds: number[]) =>
    api.post<{ ok: true }>(`/api/cert-batches/${id}/applications`, { applicationIds }),
  close: (id: number) => api.post<{ ok: true }>(`/api/cert-batches/${id}/close`),
};

export const stationsApi = {
  publicList: (q: { q?: string; regionId?: number; page: number; pageSize: number }) =>
    api.get<Page<PublicStation>>('/api/stations/public', { ...q }),
  certificateUrl: (stationId: number) => `/api/stations/${stationId}/certificate.pdf`,
};

export const fileUrl = (id: number) => `/api/files/${id}`;

export function readCsrf(): string {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'bohou_csrf') return decodeURIComponent(v.join('='));
  }
  return '';
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldIssue[] };
}

function uploadError(status: number, text: string): ApiError {
  let body: ErrorBody | null = null;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (e?.code) return new ApiError(status, e.code, e.message ?? e.code, e.fields ?? []);
  if (status === 0) {
    const zh = storedLang() !== 'en';
    return new ApiError(0, 'NETWORK', zh ? '网络连接失败，请检查网络后重试' : 'Network error; retry');
  }
  return new ApiError(status, 'INTERNAL', `HTTP ${status}`);
}

/**
 * Uploads one file (multipart `purpose` + `file`) with progress. The server checks the real type
 * (PDF / PNG / JPEG) and the size; its refusal comes back as an ApiError with the server's message.
 */
export async function uploadFile(
  file: File,
  purpose: 'evidence' | 'sealed_scan',
  onProgress?: (percent: number) => void,
): Promise<FileView> {
  if (!readCsrf()) await api.get('/api/health').catch(() => undefined);
  return new Promise<FileView>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', storedLang());
    xhr.setRequestHeader('x-csrf-token', readCsrf());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as FileView);
      else reject(uploadError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(uploadError(0, ''));
    const body = new FormData();
    body.append('purpose', purpose);
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
