import { api, withQuery } from '../api/client';
import { storedLang } from '../i18n/storage';

export type VerificationState = 'unverified' | 'verified' | 'questioned';
export type VerifiedType = 'challenge' | 'signup';
export type Stage = 'no_solution' | 'draft' | 'pending' | 'shortlisted' | 'proposed' | 'matched' | 'rejected';
export const STAGES: Stage[] = [
  'no_solution',
  'draft',
  'pending',
  'shortlisted',
  'proposed',
  'matched',
  'rejected',
];
export type SuggestionState = 'suggested' | 'signed_up' | 'declined' | 'withdrawn';

export interface Verification {
  state: VerificationState;
  note: string;
  by: string | null;
  at: string | null;
  actions: string[];
}

export interface QueueItem extends Verification {
  type: VerifiedType;
  id: number;
  challengeId: number;
  title: string;
  owner: string;
  regionId: number;
  entityState: string;
}

export interface EngagementRow {
  signupId: number;
  challengeId: number;
  title: string;
  kind: string;
  domain: string;
  regionName: string;
  poster: string;
  taker: string;
  takerKind: string;
  teamSize: number;
  solutionId: number | null;
  stage: Stage;
  messages: number;
  lastMessageAt: string | null;
  verification: VerificationState;
  signedUpAt: string;
}

export interface OverviewQuery {
  stage?: Stage;
  domain?: string;
  verification?: VerificationState;
  q?: string;
  page?: number;
}

export interface Suggestion {
  id: number;
  challengeId: number;
  challengeTitle: string;
  candidateKind: 'user' | 'unit';
  candidateId: number;
  candidateName: string;
  note: string;
  state: SuggestionState;
  reason: string;
  suggestedBy: string;
  createdAt: string;
  actions: string[];
}

export type Reason =
  | { code: 'same_domain'; domain: string }
  | { code: 'keywords'; words: string[] }
  | { code: 'past_matches'; count: number }
  | { code: 'past_solutions'; count: number }
  | { code: 'same_district' };

export interface RecommendedTaker {
  kind: 'person' | 'unit';
  id: number;
  name: string;
  detail: string;
  score: number;
  reasons: Reason[];
}

export interface RecommendedNeed {
  id: number;
  title: string;
  kind: string;
  domain: string;
  deadline: string;
  score: number;
  reasons: Reason[];
}

export interface Candidate {
  kind: 'user' | 'unit';
  id: number;
  name: string;
  detail: string;
}

type Page<T> = { total: number; page: number; pageSize: number; items: T[] };

export const organiserApi = {
  queue: (type: VerifiedType, state?: VerificationState, page = 1) =>
    api.get<Page<QueueItem>>('/api/organiser/verifications', { type, state, page }),
  verification: (type: VerifiedType, id: number) =>
    api.get<Verification>(`/api/organiser/verifications/${type}/${id}`, undefined, { quietAuth: true }),
  decide: (type: VerifiedType, id: number, action: string, note: string) =>
    api.post<Verification>(`/api/organiser/verifications/${type}/${id}/${action}`, { note }),
  overview: (q: OverviewQuery) =>
    api.get<Page<EngagementRow> & { counts: Record<Stage, number> }>('/api/organiser/engagements', { ...q }),
  overviewExportUrl: (q: OverviewQuery) =>
    withQuery('/api/organiser/engagements/export.xlsx', { ...q, page: undefined, lang: storedLang() }),
  candidates: (kind: 'user' | 'unit', q: string) =>
    api.get<{ items: Candidate[] }>('/api/organiser/candidates', { kind, q }),
  suggest: (body: {
    challengeId: number;
    candidateKind: 'user' | 'unit';
    candidateId: number;
    note: string;
  }) => api.post<Suggestion>('/api/organiser/suggestions', body),
  suggestions: (state?: SuggestionState, page = 1) =>
    api.get<Page<Suggestion>>('/api/organiser/suggestions', { state, page }),
  needSuggestions: (challengeId: number) =>
    api.get<{ items: Suggestion[] }>(`/api/challenges/${challengeId}/suggestions`),
  mySuggestions: () => api.get<{ items: Suggestion[] }>('/api/suggestions/mine'),
  decideSuggestion: (id: number, action: 'decline' | 'withdraw', reason: string) =>
    api.post<Suggestion>(`/api/suggestions/${id}/${action}`, { reason }),
  recommendTakers: (challengeId: number) =>
    api.get<{
      need: { id: number; title: string; domain: string; keywords: string[] };
      items: RecommendedTaker[];
    }>(`/api/challenges/${challengeId}/recommendations`),
  recommendNeeds: () =>
    api.get<{ profile: { domains: string[]; keywords: string[] }; items: RecommendedNeed[] }>(
      '/api/recommendations/needs',
    ),
};
