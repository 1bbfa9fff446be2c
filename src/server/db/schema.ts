import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ConfidentialAccessTable,
  ConfidentialityAcceptanceTable,
  SignupMemberTable,
  SignupTable,
  SolutionMessageTable,
  SolutionTable,
} from './schema-taking.js';
import type {
  AgreementTemplateTable,
  AgreementTable,
  AgreementPartyTable,
  AgreementEventTable,
  AgreementCounterTable,
} from './schema-agreements.js';
import type { FollowupTables } from './schema-followup.js';
import type { ResultsTables } from './schema-results.js';
import type { ReviewTables } from './schema-reviews.js';
import type { OrganiserTables } from './schema-organiser.js';

/**
 * The database as Kysely sees it. Conventions that hold on both SQLite and PostgreSQL:
 * timestamps are ISO-8601 UTC text (`2026-11-23T08:00:00.000Z`), dates are `YYYY-MM-DD` text,
 * booleans are integers 0/1, JSON is text. That keeps every value identical across the two engines.
 */
export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  phone: string;
  kind: 'municipal' | 'district';
  sort: number;
  service_guide: string;
}

export interface UnitTable {
  id: Generated<number>;
  name: string;
  unit_type: string;
  credit_code: string;
  registration_date: string;
  region_id: number;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  display_name: string;
  region_id: number | null;
  unit_id: number | null;
  email: string;
  phone: string;
  status: 'active' | 'disabled';
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface PersonProfileTable {
  user_id: number;
  name: string;
  degree: string;
  postdoc_status: string;
  field: string;
  institution: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string;
  region_id: number | null;
  ip: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** A single row (id = 1) that serialises appends to the audit chain. */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
  /** The hash of the chain's records: 'sha256' (international profile) or 'sm3' (国密). */
  hash_alg: string;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  available_at: string;
  processed_at: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  title: string;
  body: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface JobLockTable {
  name: string;
  holder: string;
  locked_until: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface FileTable {
  id: Generated<number>;
  owner_user_id: number;
  unit_id: number | null;
  region_id: number | null;
  /** What the file is for, e.g. `evidence`, `sealed_scan`, `certificate`. */
  purpose: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: string;
}

export interface CertBatchTable {
  id: Generated<number>;
  name: string;
  state: 'open' | 'closed';
  created_by: number;
  created_at: string;
  closed_at: string | null;
}

export interface StationApplicationTable {
  id: Generated<number>;
  unit_id: number;
  region_id: number;
  state: string;
  form_json: string;
  /** Bumped on every save: an autosave carrying an older revision is a conflict, never a silent overwrite. */
  revision: number;
  sealed_scan_file_id: number | null;
  flagged_json: string;
  last_opinion: string;
  batch_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  /** When the district office was last reminded of this waiting application. */
  reminded_at: string | null;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: number;
  actor_name: string;
  actor_role: string;
  opinion: string;
  flagged_json: string;
  at: string;
}

export interface StationTable {
  id: Generated<number>;
  number: string;
  unit_id: number;
  region_id: number;
  application_id: number | null;
  batch_id: number | null;
  level: string;
  national_cultivation: number;
  status: 'active' | 'rectification' | 'deregistered';
  certified_at: string;
  certificate_file_id: number | null;
  created_at: string;
  count_from: string | null;
  deregistration_proposed_at: string | null;
  deregistered_at: string | null;
  status_changed_at: string | null;
}

export interface RecruitTable {
  id: Generated<number>;
  station_id: number;
  name: string;
  /** AES-GCM ciphertext (core/crypto.ts); never stored in clear. */
  id_number_enc: string;
  /** Keyed hash for duplicate checks without decrypting. */
  id_number_hash: string;
  id_last4: string;
  supervisor: string;
  mobile_station: string;
  project: string;
  entry_date: string;
  exit_date: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface StationEventTable {
  id: Generated<number>;
  station_id: number;
  action: string;
  from_status: string;
  to_status: string;
  actor_id: number | null;
  actor_name: string;
  cause: Generated<string>;
  opinion: Generated<string>;
  evidence_json: Generated<string>;
  at: string;
}

export interface ChallengeTable {
  id: Generated<number>;
  kind: string;
  state: string;
  poster_user_id: number;
  unit_id: number | null;
  region_id: number;
  domain: string;
  title: string;
  budget_wan: number;
  deadline: string;
  public_json: string;
  confidential_json: string;
  commitment_json: string | null;
  revision: number;
  reached_national: number;
  last_opinion: string;
  views: number;
  signups: number;
  matched_at: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  published_at: string | null;
  closed_at: string | null;
  /** The last deadline reminder stage sent (days before the deadline), null before the first. */
  deadline_reminder: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ChallengeEventTable {
  id: Generated<number>;
  challenge_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  opinion: string;
  at: string;
}

export interface ChallengeTermTable {
  id: Generated<number>;
  term: string;
  synonyms_json: string;
  narrower_json: string;
  updated_at: string;
  updated_by: number | null;
}

export interface Database {
  verifications: OrganiserTables['verifications'];
  suggestions: OrganiserTables['suggestions'];
  review_experts: ReviewTables['review_experts'];
  review_declarations: ReviewTables['review_declarations'];
  review_rounds: ReviewTables['review_rounds'];
  review_items: ReviewTables['review_items'];
  review_assignments: ReviewTables['review_assignments'];
  followup_projects: FollowupTables['followup_projects'];
  followup_milestones: FollowupTables['followup_milestones'];
  followup_reports: FollowupTables['followup_reports'];
  outcome_reports: FollowupTables['outcome_reports'];
  results_announcements: ResultsTables['results_announcements'];
  results_items: ResultsTables['results_items'];
  results_events: ResultsTables['results_events'];
  results_event_participants: ResultsTables['results_event_participants'];
  results_event_projects: ResultsTables['results_event_projects'];
  competition_recommendations: ResultsTables['competition_recommendations'];
  certificates: ResultsTables['certificates'];
  agreement_counters: AgreementCounterTable;
  agreement_templates: AgreementTemplateTable;
  agreements: AgreementTable;
  agreement_parties: AgreementPartyTable;
  agreement_events: AgreementEventTable;
  challenges: ChallengeTable;
  challenge_events: ChallengeEventTable;
  challenge_terms: ChallengeTermTable;
  signups: SignupTable;
  signup_members: SignupMemberTable;
  confidentiality_acceptances: ConfidentialityAcceptanceTable;
  confidential_access: ConfidentialAccessTable;
  solutions: SolutionTable;
  solution_messages: SolutionMessageTable;
  files: FileTable;
  cert_batches: CertBatchTable;
  station_applications: StationApplicationTable;
  application_events: ApplicationEventTable;
  stations: StationTable;
  recruits: RecruitTable;
  station_events: StationEventTable;
  regions: RegionTable;
  units: UnitTable;
  users: UserTable;
  person_profiles: PersonProfileTable;
  sessions: SessionTable;
  rate_limits: RateLimitTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
  notifications: NotificationTable;
  job_locks: JobLockTable;
  settings: SettingTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type UnitRow = Selectable<UnitTable>;
export type RegionRow = Selectable<RegionTable>;
export type AuditRow = Selectable<AuditLogTable>;
