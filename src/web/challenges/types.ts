import type {
  ChallengeInputData,
  ChallengeKind,
  ConfidentialData,
  PublicPart,
} from '../../shared/challenges/form';
import type { FileView } from '../stations/types';

export type { ChallengeKind, ChallengeInputData, ConfidentialData, PublicPart };
export type { FileView };

/** The states of a posting (mirrors the server's transition table, modules/challenges/workflow.ts). */
export const CHALLENGE_STATES = [
  'draft',
  'submitted',
  'national_review',
  'returned',
  'published',
  'closed',
  'rejected',
  'withdrawn',
] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];

/** Workflow actions the server may offer in `actions`. */
export type ChallengeAction =
  | 'submit'
  | 'withdraw'
  | 'municipal_approve'
  | 'municipal_publish'
  | 'municipal_return'
  | 'municipal_reject'
  | 'national_publish'
  | 'national_return'
  | 'national_reject'
  | 'close';

/** `edit` (the form may be saved) and `accept_commitment` come before the workflow actions. */
export type ChallengeActionOrEdit = ChallengeAction | 'edit' | 'accept_commitment';

export type HallStatus = 'open' | 'closed' | 'matched';

export interface ChallengeEvent {
  id: number;
  action: string;
  from: string;
  to: string;
  actorName: string;
  actorRole: string;
  opinion: string;
  at: string;
}

/** The commitment filed with a posting (the accepted text's version and hash, who, when, where). */
export interface FiledCommitment {
  version: string;
  title: string;
  sha256: string;
  acceptedAt: string;
  userId: number;
  username: string;
  ip: string;
  text?: string;
}

/** The commitment letter of a kind (GET /api/challenges/commitments/:kind). */
export interface CommitmentLetter {
  version: string;
  title: string;
  text: string;
}

/** GET /api/challenges/:id as anyone sees it (the public part). */
export interface ChallengePublic {
  id: number;
  kind: ChallengeKind;
  state: ChallengeState;
  status: HallStatus | null;
  title: string;
  domain: string;
  region: { id: number; name: string } | null;
  /** The unit's name for a technical challenge; null for a person. */
  posterName: string | null;
  deadline: string;
  budgetWan: number;
  public: PublicPart;
  /** The public attachments (`public.attachmentIds`), downloaded with `challengeFileUrl`. */
  publicAttachments?: FileView[];
  publishedAt: string | null;
  closedAt: string | null;
  views: number;
  signups: number;
  actions: string[];
}

/** GET /api/challenges/:id as an insider (the poster's side, the reviewers) sees it. */
export interface ChallengeFull extends ChallengePublic {
  confidential: ConfidentialData;
  attachments: FileView[];
  commitment: FiledCommitment | null;
  /** The version of the kind's letter now in force (an older acceptance must be renewed). */
  commitmentCurrent: string;
  revision: number;
  lastOpinion: string;
  reachedNational: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  timeline: ChallengeEvent[];
  actions: ChallengeActionOrEdit[];
}

/** True when the response carries the insider's view. */
export function isFull(c: ChallengePublic | ChallengeFull): c is ChallengeFull {
  return 'revision' in c;
}

/** A row of GET /api/challenges/mine and /review. */
export interface ChallengeListItem {
  id: number;
  kind: ChallengeKind;
  state: ChallengeState;
  title: string;
  domain: string;
  regionName: string;
  posterName: string;
  deadline: string;
  budgetWan: number;
  views: number;
  signups: number;
  lastOpinion: string;
  submittedAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

/** Filters of the console lists (same as the server's QueueQuery). */
export interface ChallengeQuery {
  state?: ChallengeState;
  kind?: ChallengeKind;
  domain?: string;
  regionId?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface WorkflowTransition {
  action: ChallengeAction;
  from: ChallengeState[];
  to: ChallengeState;
  roles: string[];
  scope: string;
  opinion: 'none' | 'optional' | 'required';
}

/** GET /api/challenges/workflow: the table in force. */
export interface ChallengeWorkflow {
  nationalReview: boolean;
  transitions: WorkflowTransition[];
}
