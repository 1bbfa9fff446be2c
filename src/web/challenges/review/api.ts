import { api } from '../../api/client';

export interface Term {
  id: number;
  term: string;
  synonyms: string[];
  narrower: string[];
  updatedAt: string;
}

export interface TermInput {
  term: string;
  synonyms: string[];
  narrower: string[];
}

/** The search dictionary (检索词典) of the municipal office. */
export const termsApi = {
  list: () => api.get<{ items: Term[] }>('/api/challenge-terms'),
  create: (t: TermInput) => api.post<{ id: number }>('/api/challenge-terms', t),
  update: (id: number, t: TermInput) => api.put<{ id: number }>(`/api/challenge-terms/${id}`, t),
  remove: (id: number) => api.del<null>(`/api/challenge-terms/${id}`),
};
