import { ApiError, api, withQuery } from '../api/client';
import type { Page } from '../api/types';

export interface AgreementParty {
  roleLabel: string;
  order: number;
  name: string;
  state: 'pending' | 'signed' | 'declined';
  method: string;
  signedAt: string | null;
  ip: string;
  userAgent: string;
  signedSha256: string;
  reason: string;
  isMe: boolean;
}

export interface AgreementEvent {
  action: string;
  actorName: string;
  roleLabel: string;
  ip: string;
  sha256: string;
  detail: string;
  at: string;
}

export type AgreementAction = 'sign' | 'decline' | 'file' | 'cancel' | 'download';

export interface Agreement {
  id: number;
  number: string;
  title: string;
  templateKey: string;
  templateVersion: number;
  subject: { type: string; id: number };
  state: string;
  verificationCode: string;
  documentSha256: string;
  filedSha256: string | null;
  filingNumber: string | null;
  createdAt: string;
  signedAt: string | null;
  filedAt: string | null;
  closedReason: string;
  bodyText: string;
  parties: AgreementParty[];
  events: AgreementEvent[];
  actions: AgreementAction[];
}

export interface AgreementListItem {
  id: number;
  number: string;
  title: string;
  templateKey: string;
  templateVersion: number;
  state: string;
  filingNumber: string | null;
  filedAt: string | null;
  createdAt: string;
  regionName: string | null;
  parties: string;
}

export interface AgreementQuery {
  state?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface TemplateField {
  name: string;
  label: string;
  required: boolean;
}

export interface AgreementTemplate {
  id: number;
  key: string;
  version: number;
  title: string;
  body: string;
  fields: TemplateField[];
  parties: Array<{ role: string; order: number }>;
  filing: 'office' | 'auto';
  active: boolean;
  createdAt: string;
}

export interface VerifyResult {
  verdict: 'valid' | 'changed' | 'not_filed' | 'unknown';
  sha256: string | null;
  document: {
    number: string;
    title: string;
    template: string;
    state: string;
    filingNumber: string | null;
    filedAt: string | null;
    filedSha256: string | null;
    parties: Array<{ roleLabel: string; name: string; signedAt: string | null }>;
  } | null;
  signature: { present: boolean; valid: boolean; signer: string; coversWholeFile: boolean } | null;
}

const BASE = '/api/agreements';

function readCookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return '';
}

/** 签署及备案 in the console and the public verification page. */
export const agreementsApi = {
  mine: (q: AgreementQuery) => api.get<Page<AgreementListItem>>(`${BASE}/mine`, { ...q }),
  register: (q: AgreementQuery) => api.get<Page<AgreementListItem>>(`${BASE}/register`, { ...q }),
  registerExportUrl: (q: AgreementQuery) =>
    withQuery(`${BASE}/register/export.xlsx`, { ...q, page: undefined, pageSize: undefined }),
  get: (id: number) => api.get<Agreement>(`${BASE}/${id}`),
  pdfUrl: (id: number) => `${BASE}/${id}/pdf`,
  create: (body: {
    templateKey: string;
    challengeId: number;
    takerUsername: string;
    fields: Record<string, string>;
  }) => api.post<Agreement>(BASE, body),
  sign: (id: number, password: string, documentSha256: string) =>
    api.post<Agreement>(`${BASE}/${id}/sign`, { password, documentSha256 }),
  decline: (id: number, reason: string) => api.post<Agreement>(`${BASE}/${id}/decline`, { reason }),
  cancel: (id: number, reason: string) => api.post<Agreement>(`${BASE}/${id}/cancel`, { reason }),
  file: (id: number) => api.post<Agreement>(`${BASE}/${id}/file`),
  templates: () => api.get<{ items: AgreementTemplate[] }>('/api/agreement-templates'),
  saveTemplate: (body: Omit<AgreementTemplate, 'id' | 'version' | 'active' | 'createdAt'>) =>
    api.post<AgreementTemplate>('/api/agreement-templates', body),
  verifyCode: (code: string) => api.get<VerifyResult>(`/api/verify/agreements/${encodeURIComponent(code)}`),
  /** Multipart upload (the JSON client does not send files). */
  verifyFile: async (file: File, lang: string): Promise<VerifyResult> => {
    if (!readCookie('bohou_csrf')) await fetch('/api/health', { credentials: 'same-origin' });
    const form = new FormData();
    form.append('file', file);
    const res = await fetch('/api/verify/agreements', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: {
        'x-csrf-token': readCookie('bohou_csrf'),
        'Accept-Language': lang,
        Accept: 'application/json',
      },
    });
    const body = (await res.json().catch(() => null)) as
      (VerifyResult & { error?: { code: string; message: string } }) | null;
    if (!res.ok || !body)
      throw new ApiError(
        res.status,
        body?.error?.code ?? 'INTERNAL',
        body?.error?.message ?? `HTTP ${res.status}`,
      );
    return body;
  },
};
