import type { ConfidentialData } from '../../shared/challenges/form';
import type { ConfidentialityText } from '../../shared/taking/confidentiality';
import type { EntityCommitmentsData, TakerKind } from '../../shared/taking/eligibility';
import type { SolutionInputData } from '../../shared/taking/solution';
import type { ChallengeKind, FileView, HallStatus } from '../challenges/types';

export type { ConfidentialityText, EntityCommitmentsData, SolutionInputData, TakerKind };

export type Decision = 'pending' | 'shortlisted' | 'proposed' | 'matched' | 'rejected';
export type EngagementAction = 'shortlist' | 'reject' | 'propose_match' | 'confirm_match' | 'decline_match';
export const ENGAGEMENT_ACTIONS: readonly EngagementAction[] = [
  'shortlist',
  'reject',
  'propose_match',
  'confirm_match',
  'decline_match',
];

export interface SignupMember {
  userId: number;
  name: string;
  role: 'leader' | 'member';
  state: 'invited' | 'confirmed' | 'declined';
  invitedAt: string;
  respondedAt: string | null;
}

/** GET /api/signups/:id (and the lists): a sign-up as the caller may see it. */
export interface SignupView {
  id: number;
  challenge: { id: number; title: string; kind: ChallengeKind; deadline: string; status: HallStatus | null };
  takerKind: TakerKind;
  teamName: string;
  unit: { id: number | null; name: string | null } | null;
  commitments: EntityCommitmentsData | null;
  state: 'active' | 'withdrawn';
  leaderUserId: number;
  members: SignupMember[];
  confidentialityAccepted: boolean;
  solution: { id: number; state: string; revision: number; submittedAt: string | null } | null;
  createdAt: string;
  withdrawnAt: string | null;
  actions: string[];
  posterSide: boolean;
}

export type SolutionContent = Omit<SolutionInputData, 'attachmentIds'>;

/** GET /api/solutions/:id. `attachments` is null until the poster's side accepts its 保密书. */
export interface SolutionView {
  id: number;
  signupId: number;
  challengeId: number;
  challengeTitle: string;
  takerKind: TakerKind;
  teamName: string;
  team: Array<{ userId: number; name: string; role: string }>;
  state: 'draft' | 'submitted' | 'withdrawn';
  revision: number;
  content: SolutionContent;
  attachmentCount: number;
  attachments: FileView[] | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  withdrawnAt: string | null;
  decision: Decision;
  decisionReason: string;
  posterConfirmedAt: string | null;
  takerConfirmedAt: string | null;
  actions: string[];
}

export interface ThreadMessage {
  id: number;
  authorUserId: number;
  authorName: string;
  authorSide: 'poster' | 'taker' | 'office';
  body: string;
  createdAt: string;
  attachments: FileView[];
}

export interface ConfidentialView {
  id: number;
  title: string;
  confidential: ConfidentialData;
  attachments: FileView[];
}

export interface AccessEntry {
  id: number;
  what: 'confidential_part' | 'file';
  fileId: number | null;
  userId: number;
  userName: string;
  userRole: string;
  ip: string;
  at: string;
}

export interface Acceptance {
  side: 'taker' | 'poster';
  version: string;
  title: string;
  acceptedAt: string;
}

/** GET /api/solutions/:id/history: what happened to a solution, oldest first. */
export interface HistoryEntry {
  action: string;
  at: string;
  actorName: string;
  side: 'poster' | 'taker' | 'office';
  reason: string;
}
