import { api, withQuery } from '../api/client';
import { storedLang } from '../i18n/storage';

export type MilestoneStatus = 'done' | 'overdue' | 'due_soon' | 'open';
export type OutcomeStatus = 'on_track' | 'delayed' | 'completed' | 'terminated';
export type OutcomeState = 'draft' | 'submitted' | 'acknowledged' | 'returned';
export type OutcomeAction = 'edit' | 'submit' | 'acknowledge' | 'return';
export type ProjectAction = 'view' | 'edit_milestones' | 'report' | 'write_outcome';

export const OUTCOME_STATUSES: OutcomeStatus[] = ['on_track', 'delayed', 'completed', 'terminated'];
export const OUTCOME_STATES: OutcomeState[] = ['draft', 'submitted', 'acknowledged', 'returned'];
export const REPORT_MS_STATES = ['not_started', 'in_progress', 'done', 'delayed'] as const;

interface Side {
  name: string;
  unitId: number | null;
  regionId: number;
}

export interface ProjectListItem {
  id: number;
  title: string;
  challengeId: number;
  poster: Side;
  taker: Side;
  matchedAt: string;
  milestones: number;
  done: number;
  overdue: number;
}

export interface Milestone {
  id: number;
  title: string;
  due: string;
  deliverable: string;
  doneOn: string | null;
  note: string;
  revision: number;
  status: MilestoneStatus;
}

export interface ReportFile {
  id: number;
  filename: string;
}

export interface ProgressReport {
  id: number;
  authorName: string;
  side: 'poster' | 'taker';
  period: string;
  body: string;
  milestones: Array<{ milestoneId: number; status: (typeof REPORT_MS_STATES)[number] }>;
  attachments: ReportFile[];
  createdAt: string;
}

export interface Outcome {
  id: number;
  projectId: number;
  projectTitle: string;
  challengeId: number;
  regionId: number;
  regionName: string;
  state: OutcomeState;
  period: string;
  status: OutcomeStatus;
  outcome: string;
  fundingWan: number;
  products: number;
  patents: number;
  note: string;
  revision: number;
  lastComment: string;
  submittedAt: string | null;
  updatedAt: string;
  actions: OutcomeAction[];
}

export interface Project extends Omit<ProjectListItem, 'milestones' | 'done' | 'overdue'> {
  solutionId: number;
  milestones: Milestone[];
  reports: ProgressReport[];
  outcomes: Outcome[];
  actions: ProjectAction[];
}

export interface OutcomeInput {
  period: string;
  status: OutcomeStatus;
  outcome: string;
  fundingWan: number;
  products: number;
  patents: number;
  note: string;
}

export interface MatchPriority {
  challenges: Array<{ id: number; title: string; link: string }>;
}

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OutcomeQuery {
  state?: OutcomeState | undefined;
  status?: OutcomeStatus | undefined;
  q?: string | undefined;
  page?: number;
}

const P = '/api/followup';

export const followupApi = {
  projects: (q: { q?: string | undefined; page?: number }) =>
    api.get<Paged<ProjectListItem>>(`${P}/projects`, q),
  project: (id: number) => api.get<Project>(`${P}/projects/${id}`),
  addMilestone: (id: number, body: { title: string; due: string; deliverable: string }) =>
    api.post<Project>(`${P}/projects/${id}/milestones`, body),
  editMilestone: (
    id: number,
    mid: number,
    body: { title: string; due: string; deliverable: string; revision: number },
  ) => api.put<Project>(`${P}/projects/${id}/milestones/${mid}`, body),
  markMilestone: (
    id: number,
    mid: number,
    body: { done: boolean; doneOn?: string; note: string; revision: number },
  ) => api.post<Project>(`${P}/projects/${id}/milestones/${mid}/done`, body),
  addReport: (
    id: number,
    body: { period: string; body: string; milestones: ProgressReport['milestones']; attachmentIds: number[] },
  ) => api.post<Project>(`${P}/projects/${id}/reports`, body),
  reportFileUrl: (id: number, reportId: number, fileId: number) =>
    `${P}/projects/${id}/reports/${reportId}/files/${fileId}`,
  createOutcome: (projectId: number, body: OutcomeInput) =>
    api.post<Outcome>(`${P}/projects/${projectId}/outcomes`, body),
  editOutcome: (id: number, body: OutcomeInput & { revision: number }) =>
    api.put<Outcome>(`${P}/outcomes/${id}`, body),
  outcomeAction: (id: number, action: 'submit' | 'acknowledge' | 'return', opinion?: string) =>
    api.post<Outcome>(`${P}/outcomes/${id}/actions/${action}`, opinion ? { opinion } : {}),
  outcomes: (q: OutcomeQuery) => api.get<Paged<Outcome>>(`${P}/outcomes`, { ...q }),
  exportUrl: (q: OutcomeQuery) =>
    withQuery(`${P}/outcomes/export.xlsx`, { ...q, page: undefined, lang: storedLang() }),
};
