import { api, withQuery } from '../api/client';
import type { Page } from '../api/types';
import type {
  ChallengeAction,
  ChallengeFull,
  ChallengeInputData,
  ChallengeKind,
  ChallengeListItem,
  ChallengePublic,
  ChallengeQuery,
  ChallengeWorkflow,
  CommitmentLetter,
} from './types';

const BASE = '/api/challenges';

function listQuery(q: ChallengeQuery) {
  return { ...q };
}

/** 揭榜领题 postings in the console: the poster's form and list, the reviewers' queue, the workflow. */
export const challengesApi = {
  /** 我的张榜 (the account's own postings, or its unit's). */
  mine: (q: ChallengeQuery) => api.get<Page<ChallengeListItem>>(`${BASE}/mine`, listQuery(q)),
  /** The Excel export of my postings with the same filters (a plain link; the session cookie goes along). */
  mineExportUrl: (q: ChallengeQuery, lang?: string) =>
    withQuery(`${BASE}/mine/export.xlsx`, { ...listQuery(q), page: undefined, pageSize: undefined, lang }),
  /** The review queue (municipal office, national reviewer). */
  review: (q: ChallengeQuery) => api.get<Page<ChallengeListItem>>(`${BASE}/review`, listQuery(q)),
  reviewExportUrl: (q: ChallengeQuery) =>
    withQuery(`${BASE}/review/export.xlsx`, listQuery({ ...q, page: undefined, pageSize: undefined })),
  /** One posting; insiders get `ChallengeFull` (check with `isFull`). */
  get: (id: number) => api.get<ChallengeFull | ChallengePublic>(`${BASE}/${id}`),
  create: (challenge: ChallengeInputData) => api.post<ChallengeFull>(BASE, challenge),
  /** Saves a draft or returned posting; compare-and-set on `revision` (REVISION_CONFLICT when stale). */
  save: (id: number, challenge: ChallengeInputData, revision: number) =>
    api.put<{ revision: number }>(`${BASE}/${id}`, { challenge, revision }),
  commitment: (kind: ChallengeKind) => api.get<CommitmentLetter>(`${BASE}/commitments/${kind}`),
  acceptCommitment: (id: number, version: string) =>
    api.post<ChallengeFull>(`${BASE}/${id}/commitment`, { version }),
  act: (id: number, action: ChallengeAction, body: { opinion?: string } = {}) =>
    api.post<ChallengeFull>(`${BASE}/${id}/actions/${action}`, body),
  workflow: () => api.get<ChallengeWorkflow>(`${BASE}/workflow`),
  /** A posting's attachment (public or confidential), authorised by the posting. */
  fileUrl: (id: number, fileId: number) => `${BASE}/${id}/files/${fileId}`,
  /** The URL a PUT goes to (for the keepalive save when the page unloads). */
  url: (id: number) => `${BASE}/${id}`,
};
