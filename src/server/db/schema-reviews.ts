import type { Generated } from 'kysely';

/* The tables of 专家评审 (migration 015), kept apart so schema.ts stays short; listed in `Database` there. */

/** An expert of the pool: one per `expert` account. */
export interface ReviewExpertTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** One of the nine domains (shared/roles.ts DOMAINS). */
  primary_domain: string;
  secondary_domains_json: string;
  keywords_json: string;
  institution: string;
  title: string;
  contact: string;
  active: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

/** 保密及利益冲突声明: one per expert and year (text, version, time and IP as accepted). */
export interface ReviewDeclarationTable {
  id: Generated<number>;
  user_id: number;
  year: number;
  version: string;
  text: string;
  /** Institutions or unit names the expert declared a conflict with (JSON array of strings). */
  conflicts_json: string;
  ip: string;
  accepted_at: string;
}

export interface ReviewRoundTable {
  id: Generated<number>;
  title: string;
  /** draft → assigning → scoring → closed (reviews/workflow.ts). */
  state: string;
  criteria_json: string;
  k: number;
  load_limit: number;
  /** ISO timestamp after which scores are refused. */
  deadline: string;
  close_reason: string;
  created_by: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** A submitted solution under review in a round. */
export interface ReviewItemTable {
  id: Generated<number>;
  round_id: number;
  solution_id: number;
  position: number;
}

/** One expert on one item: assigned (scores as a draft until submitted) or recused. */
export interface ReviewAssignmentTable {
  id: Generated<number>;
  round_id: number;
  item_id: number;
  expert_user_id: number;
  /** assigned | recused */
  state: string;
  pinned: number;
  /** The affinity when assigned (4 decimals, as text). */
  affinity: string;
  /** JSON array, one entry per criterion: { score: number | null, comment: string }. */
  scores_json: string;
  comment: string;
  revision: number;
  submitted_at: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Merged into `Database` in schema.ts. */
export interface ReviewTables {
  review_experts: ReviewExpertTable;
  review_declarations: ReviewDeclarationTable;
  review_rounds: ReviewRoundTable;
  review_items: ReviewItemTable;
  review_assignments: ReviewAssignmentTable;
}
