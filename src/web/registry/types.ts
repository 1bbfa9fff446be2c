/** Shapes of the station registry, import, guide and statistics endpoints (see src/server/modules). */
export type StationStatus = 'active' | 'rectification' | 'deregistered';

export interface StationListItem {
  id: number;
  number: string;
  status: StationStatus;
  nationalCultivation: boolean;
  certifiedAt: string;
  unitName: string;
  regionName: string;
  lastEntry: string | null;
  yearsWithoutRecruit: number;
  atRisk: boolean;
  deregistrationProposed: boolean;
}

export interface StationQuery {
  status?: StationStatus;
  regionId?: number;
  q?: string;
  atRisk?: '1';
  page: number;
  pageSize: number;
}

export interface Recruit {
  id: number;
  name: string;
  idNumber: string;
  supervisor: string;
  mobileStation: string;
  project: string;
  entryDate: string;
  exitDate: string | null;
}

export interface StationEvent {
  id: number;
  action: string;
  from: string | null;
  to: string | null;
  actorName: string;
  cause: string | null;
  causeLabel: string;
  opinion: string | null;
  evidence: number[];
  at: string;
}

export type StationAction =
  'view' | 'record_recruit' | 'see_full_id' | 'set_cultivation' | 'deregister' | 'decide_deregistration';

export interface StationDetail {
  id: number;
  number: string;
  status: StationStatus;
  level: string;
  nationalCultivation: boolean;
  certifiedAt: string;
  deregistrationProposedAt: string | null;
  deregisteredAt: string | null;
  applicationId: number | null;
  unit: { id: number; name: string; creditCode: string };
  region: { id: number; name: string };
  assessment: {
    status: string;
    reference: string;
    yearsWithoutRecruit: number;
    atRisk: boolean;
    rectificationStarts: string;
    rectificationEnds: string;
  } | null;
  recruits: Recruit[];
  events: StationEvent[];
  actions: StationAction[];
}

export interface RecruitInput {
  name: string;
  idNumber: string;
  supervisor: string;
  mobileStation: string;
  project: string;
  entryDate: string;
  exitDate?: string | null;
}

export interface AdjustmentReport {
  checked: number;
  toRectification: string[];
  toActive: string[];
  proposed: string[];
}

export type ImportMode = 'all_or_nothing' | 'good_rows';

export interface ImportReportRow {
  row: number;
  ok: boolean;
  number: string;
  errors: Array<{ column: string; columnLetter: string; code: string; message: string }>;
}

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  imported: number;
  rows: ImportReportRow[];
  stations: Array<{ row: number; id: number; number: string; unitId: number; unitCreated: boolean }>;
}

export const GUIDE_KEYS = [
  'talentCard',
  'schooling',
  'healthCare',
  'housing',
  'spouseEmployment',
  'transport',
  'academicExchange',
] as const;
export type GuideKey = (typeof GUIDE_KEYS)[number];
export type Guide = Record<GuideKey, string> & { updatedAt: string | null };

export interface RegionDetail {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  phone: string;
  kind: 'district' | 'municipal';
  guide: Guide;
  sections: Array<{ key: GuideKey; label: string }>;
  actions: string[];
}

export interface StatsStationsRow {
  regionId: number;
  regionName: string;
  active: number;
  rectification: number;
  deregistered: number;
  total: number;
}

export type StatsApplicationsRow = { month: string; total: number } & Record<string, number | string>;

export interface StatsRecruitsRow {
  year: string;
  entries: number;
  exits: number;
  stations: number;
}

export interface StatsAtRiskRow {
  id: number;
  number: string;
  unitName: string;
  regionName: string;
  status: StationStatus;
  certifiedAt: string;
  lastEntry: string | null;
  yearsWithoutRecruit: number;
  deregistrationProposed: boolean;
}
