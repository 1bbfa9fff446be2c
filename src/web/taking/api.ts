import { api } from '../api/client';
import type { SolutionInputData } from '../../shared/taking/solution';
import type {
  AccessEntry,
  Acceptance,
  ConfidentialityText,
  ConfidentialView,
  EngagementAction,
  EntityCommitmentsData,
  SignupView,
  HistoryEntry,
  SolutionView,
  TakerKind,
  ThreadMessage,
} from './types';

export interface SignupBody {
  takerKind: TakerKind;
  teamName?: string;
  commitments?: EntityCommitmentsData;
}

/** 揭榜: sign-ups, the 保密书 gate, solutions, the engagement thread and decisions. */
export const takingApi = {
  letter: (side: 'taker' | 'poster') => api.get<ConfidentialityText>(`/api/confidentiality/${side}`),
  signUp: (challengeId: number, body: SignupBody) =>
    api.post<SignupView>(`/api/challenges/${challengeId}/signups`, body),
  challengeSignups: (challengeId: number) =>
    api.get<{ items: SignupView[] }>(`/api/challenges/${challengeId}/signups`),
  challengeSolutions: (challengeId: number) =>
    api.get<{ items: SolutionView[] }>(`/api/challenges/${challengeId}/solutions`),
  accept: (challengeId: number, side: 'taker' | 'poster', version: string) =>
    api.post<Acceptance>(`/api/challenges/${challengeId}/confidentiality`, { side, version }),
  confidential: (challengeId: number) =>
    api.get<ConfidentialView>(`/api/challenges/${challengeId}/confidential`),
  confidentialFileUrl: (challengeId: number, fileId: number) =>
    `/api/challenges/${challengeId}/confidential/files/${fileId}`,
  challengeAccessLog: (challengeId: number) =>
    api.get<{ items: AccessEntry[] }>(`/api/challenges/${challengeId}/access-log`),
  mine: () => api.get<{ items: SignupView[] }>('/api/signups/mine'),
  signup: (id: number) => api.get<SignupView>(`/api/signups/${id}`),
  invite: (id: number, username: string) => api.post<SignupView>(`/api/signups/${id}/members`, { username }),
  respond: (id: number, action: 'confirm' | 'decline') =>
    api.post<SignupView | { id: number; invitation: 'declined' }>(`/api/signups/${id}/invitation/${action}`),
  withdrawSignup: (id: number) => api.post<SignupView>(`/api/signups/${id}/withdraw`),
  createSolution: (signupId: number, solution: SolutionInputData) =>
    api.post<SolutionView>(`/api/signups/${signupId}/solution`, solution),
  solution: (id: number) => api.get<SolutionView>(`/api/solutions/${id}`),
  saveSolution: (id: number, solution: SolutionInputData, revision: number) =>
    api.put<SolutionView>(`/api/solutions/${id}`, { solution, revision }),
  solutionAction: (id: number, action: 'submit' | 'withdraw') =>
    api.post<SolutionView>(`/api/solutions/${id}/actions/${action}`),
  solutionFileUrl: (id: number, fileId: number) => `/api/solutions/${id}/files/${fileId}`,
  solutionAccessLog: (id: number) => api.get<{ items: AccessEntry[] }>(`/api/solutions/${id}/access-log`),
  messages: (id: number) => api.get<{ items: ThreadMessage[] }>(`/api/solutions/${id}/messages`),
  postMessage: (id: number, body: string, attachmentIds: number[] = []) =>
    api.post<{ items: ThreadMessage[] }>(`/api/solutions/${id}/messages`, { body, attachmentIds }),
  threadFileUrl: (id: number, fileId: number) => `/api/solutions/${id}/messages/files/${fileId}`,
  history: (id: number) => api.get<{ items: HistoryEntry[] }>(`/api/solutions/${id}/history`),
  engage: (id: number, action: EngagementAction, opinion?: string) =>
    api.post<SolutionView>(`/api/solutions/${id}/engagement/${action}`, opinion ? { opinion } : {}),
};
