import type { Generated } from 'kysely';

/* The tables of 项目跟踪 (migration 012), kept apart so schema.ts stays short; listed in `Database` there. */

/** A followed project: one per matched solution (对接成功). */
export interface FollowupProjectTable {
  id: Generated<number>;
  solution_id: number;
  challenge_id: number;
  title: string;
  poster_user_id: number;
  poster_unit_id: number | null;
  /** The poster unit's district (or the need's district for a person's need). */
  poster_region_id: number;
  leader_user_id: number;
  taker_unit_id: number | null;
  /** The taking unit's district (or the sign-up's district for a person or team). */
  taker_region_id: number;
  /** Every account on either side (poster account, leader, confirmed members) as `,1,5,9,` (LIKE-searchable). */
  party_users: string;
  matched_at: string;
  created_at: string;
  updated_at: string;
}

export interface FollowupMilestoneTable {
  id: Generated<number>;
  project_id: number;
  position: number;
  title: string;
  due: string;
  deliverable: string;
  done_on: string | null;
  note: string;
  revision: number;
  reminded_on: string | null;
  created_at: string;
  updated_at: string;
}

/** 进展报告 by either party. */
export interface FollowupReportTable {
  id: Generated<number>;
  project_id: number;
  author_user_id: number;
  author_name: string;
  side: string;
  period: string;
  body: string;
  milestones_json: string;
  attachment_ids_json: string;
  created_at: string;
}

/** 成果报告: the district office's report to the city on one project. */
export interface OutcomeReportTable {
  id: Generated<number>;
  project_id: number;
  region_id: number;
  state: string;
  period: string;
  status: string;
  outcome: string;
  funding_wan: number;
  products: number;
  patents: number;
  note: string;
  revision: number;
  last_comment: string;
  created_by: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: number | null;
}

/** Merged into `Database` in schema.ts. */
export interface FollowupTables {
  followup_projects: FollowupProjectTable;
  followup_milestones: FollowupMilestoneTable;
  followup_reports: FollowupReportTable;
  outcome_reports: OutcomeReportTable;
}
