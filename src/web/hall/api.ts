import { api } from '../api/client';
import type { ChallengeDetail, HallPage, HallQuery } from './types';

/** 榜单大厅: the public list of published postings and one posting's public detail. */
export const hallApi = {
  list: (q: HallQuery) => api.get<HallPage>('/api/hall/challenges', { ...q }),
  get: (id: number) => api.get<ChallengeDetail>(`/api/challenges/${id}`),
};
