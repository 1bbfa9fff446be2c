import type { ApplicationFormData } from '../../shared/stations/form';
import type { EligibilityKey } from '../../shared/stations/eligibility';
import type { UnitType } from '../../shared/roles';

/** The states of a station application (mirrors the server's transition table). */
export type ApplicationState =
  'draft' | 'submitted' | 'returned' | 'recommended' | 'certified' | 'rejected' | 'withdrawn';

/** Workflow actions the server may offer; `edit` means the form may be saved. */
export type ApplicationAction =
  | 'edit'
  | 'submit'
  | 'withdraw'
  | 'return'
  | 'recommend'
  | 'district_reject'
  | 'certify'
  | 'municipal_reject';

export type DecisionAction = Exclude<ApplicationAction, 'edit'>;

export interface FileView {
  id: number;
  filename: string;
  mime: string;
  size: number;
  sha256?: string;
  purpose?: string;
  createdAt?: string;
}

export interface TimelineEvent {
  id: number;
  action: string;
  from: string;
  to: string;
  actorName: string;
  actorRole: string;
  opinion: string;
  flagged: string[];
  at: string;
}

export interface ApplicationDetail {
  id: number;
  state: ApplicationState;
  unit: { id: number; name: string; creditCode: string; unitType: UnitType };
  region: { id: number; name: string };
  form: ApplicationFormData;
  revision: number;
  eligibility: {
    eligible: boolean;
    missing: { path: string; key: EligibilityKey }[];
    recommendedMet: string[];
  };
  files: FileView[];
  sealedScan: FileView | null;
  flagged: string[];
  lastOpinion: string;
  batch: { id: number; name: string; state: 'open' | 'closed' } | null;
  station: { id: number; number: string } | null;
  /** 揭榜对接优先: the unit is a party to a match and has no station (seed 002 §四). */
  matchPriority?: { challenges: Array<{ id: number; title: string; link: string }> } | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  timeline: TimelineEvent[];
  actions: ApplicationAction[];
}

export interface ApplicationListItem {
  id: number;
  state: ApplicationState;
  batchId: number | null;
  unitName: string;
  creditCode: string;
  regionName: string;
  submittedAt: string | null;
  updatedAt: string;
  lastOpinion: string;
}

export interface ApplicationQuery {
  state?: ApplicationState;
  q?: string;
  regionId?: number;
  batchId?: number;
  unbatched?: boolean;
  page?: number;
  pageSize?: number;
}

export interface CertBatch {
  id: number;
  name: string;
  state: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
  total: number;
  pending: number;
}

export type StationStatus = 'active' | 'rectification' | 'deregistered';

export interface PublicStation {
  id: number;
  number: string;
  status: StationStatus;
  level: string;
  nationalCultivation: boolean;
  certifiedAt: string;
  unitName: string;
  regionName: string;
}
