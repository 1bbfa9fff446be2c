import { api, withQuery } from '../api/client';
import { storedLang } from '../i18n/storage';

export type AnnouncementState = 'draft' | 'published' | 'withdrawn';
export type EventKind = 'matching_day' | 'roadshow' | 'training' | 'other';
export const EVENT_KINDS: EventKind[] = ['matching_day', 'roadshow', 'training', 'other'];

export interface ResultItem {
  id: number;
  solutionId?: number;
  challengeId: number;
  needTitle: string;
  domain: string;
  posterName: string;
  takerName: string;
  matchedOn: string;
  summary: string;
}

export interface CompiledItem {
  solutionId: number;
  challengeId: number;
  needTitle: string;
  domain: string;
  posterName: string;
  takerName: string;
  matchedOn: string;
  summary: string;
}

export interface Announcement {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  intro: string;
  state: AnnouncementState;
  revision: number;
  withdrawReason: string;
  publishedAt: string | null;
  updatedAt: string;
  itemCount?: number;
  items: ResultItem[];
  actions: string[];
}

export interface PublicAnnouncement {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  intro: string;
  publishedAt: string | null;
  items: ResultItem[];
}

export interface PublicListItem {
  id: number;
  title: string;
  periodFrom: string;
  periodTo: string;
  publishedAt: string | null;
  itemCount: number;
}

export interface AnnouncementInput {
  title: string;
  periodFrom: string;
  periodTo: string;
  intro: string;
  items: Array<{ solutionId: number; summary: string }>;
}

export interface ResultsEvent {
  id: number;
  name: string;
  kind: EventKind;
  heldOn: string;
  place: string;
  description: string;
  regionId: number | null;
  revision: number;
  actions: string[];
  participants?: Array<{ userId: number; username: string; name: string; role: string }>;
  projects?: Array<{ solutionId: number; needTitle: string; takerName: string }>;
}

export interface EventInput {
  name: string;
  kind: EventKind;
  heldOn: string;
  place: string;
  description: string;
  regionId: number | null;
}

export interface MatchRow extends CompiledItem {
  recommendation: { recommendedOn: string; note: string } | null;
}

export interface MyCertificate {
  kind: 'participation' | 'match';
  subjectId: number;
  title: string;
  date: string;
  detail: string;
  certificate: { id: number; number: string; verificationCode: string; issuedAt: string } | null;
}

export interface Certificate {
  id: number;
  number: string;
  verificationCode: string;
}

export interface CertificateCheck {
  verdict: 'valid' | 'unknown';
  certificate: {
    number: string;
    kind: string;
    title: string;
    holderName: string;
    subjectTitle: string;
    subjectDate: string;
    issuedAt: string;
  } | null;
}

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const R = '/api/results';

export const resultsApi = {
  list: (q: { state?: AnnouncementState; page?: number }) =>
    api.get<Paged<Announcement>>(`${R}/announcements`, q),
  get: (id: number) => api.get<Announcement>(`${R}/announcements/${id}`),
  compile: (from: string, to: string) => api.get<{ items: CompiledItem[] }>(`${R}/compile`, { from, to }),
  create: (body: AnnouncementInput) => api.post<Announcement>(`${R}/announcements`, body),
  update: (id: number, body: AnnouncementInput & { revision: number }) =>
    api.put<Announcement>(`${R}/announcements/${id}`, body),
  act: (id: number, action: 'publish' | 'withdraw', opinion?: string) =>
    api.post<Announcement>(`${R}/announcements/${id}/actions/${action}`, opinion ? { opinion } : {}),
  exportUrl: (id: number) => withQuery(`${R}/announcements/${id}/export.xlsx`, { lang: storedLang() }),
  pdfUrl: (id: number) => `${R}/announcements/${id}/pdf`,

  events: () => api.get<{ items: ResultsEvent[] }>(`${R}/events`),
  event: (id: number) => api.get<ResultsEvent>(`${R}/events/${id}`),
  createEvent: (body: EventInput) => api.post<ResultsEvent>(`${R}/events`, body),
  updateEvent: (id: number, body: EventInput & { revision: number }) =>
    api.put<ResultsEvent>(`${R}/events/${id}`, body),
  addParticipant: (id: number, username: string) =>
    api.post<ResultsEvent>(`${R}/events/${id}/participants`, { username }),
  removeParticipant: (id: number, userId: number) =>
    api.del<ResultsEvent>(`${R}/events/${id}/participants/${userId}`),
  addProject: (id: number, solutionId: number) =>
    api.post<ResultsEvent>(`${R}/events/${id}/projects`, { solutionId }),
  removeProject: (id: number, solutionId: number) =>
    api.del<ResultsEvent>(`${R}/events/${id}/projects/${solutionId}`),
  matches: () => api.get<{ items: MatchRow[] }>(`${R}/matches`),
  recommend: (solutionId: number, body: { recommendedOn: string; note: string }) =>
    api.put<{ items: MatchRow[] }>(`${R}/matches/${solutionId}/competition`, body),
  unrecommend: (solutionId: number) =>
    api.del<{ items: MatchRow[] }>(`${R}/matches/${solutionId}/competition`),

  mine: () => api.get<{ items: MyCertificate[] }>(`${R}/certificates/mine`),
  issue: (kind: 'participation' | 'match', subjectId: number) =>
    api.post<Certificate>(`${R}/certificates`, { kind, subjectId }),
  certificatePdfUrl: (id: number) => `${R}/certificates/${id}/pdf`,

  publicList: (page: number) => api.get<Paged<PublicListItem>>('/api/public/results', { page }),
  publicGet: (id: number) => api.get<PublicAnnouncement>(`/api/public/results/${id}`),
  publicPdfUrl: (id: number) => `/api/public/results/${id}/pdf`,
  verify: (code: string) => api.get<CertificateCheck>(`/api/verify/certificates/${encodeURIComponent(code)}`),
};
