import type { ColumnType, Generated } from 'kysely';

/* The tables of 揭榜 (migration 009), kept apart so schema.ts stays short; listed in `Database` there. */

/** 揭榜报名: one taker (a person, a team led by one, or a unit) for one need. */
export interface SignupTable {
  id: Generated<number>;
  challenge_id: number;
  taker_kind: string;
  leader_user_id: number;
  unit_id: number | null;
  region_id: number;
  team_name: string;
  commitments_json: string | null;
  state: string;
  created_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

export interface SignupMemberTable {
  id: Generated<number>;
  signup_id: number;
  user_id: number;
  role: string;
  state: string;
  invited_at: string;
  responded_at: string | null;
}

/** 保密书 accepted for one need by one account, on the taker's or the poster's side (text filed). */
export interface ConfidentialityAcceptanceTable {
  id: Generated<number>;
  challenge_id: number;
  user_id: number;
  side: string;
  signup_id: number | null;
  version: string;
  title: string;
  text: string;
  text_sha256: string;
  accepted_at: string;
  ip: string;
  user_agent: string;
  agreement_id: number | null;
}

/** Every view or download of confidential material: who, what, when, from where. */
export interface ConfidentialAccessTable {
  id: Generated<number>;
  challenge_id: number;
  subject_type: string;
  subject_id: number;
  what: string;
  file_id: number | null;
  user_id: number;
  user_name: string;
  user_role: string;
  ip: string;
  at: string;
}

/** 揭榜方案. */
export interface SolutionTable {
  id: Generated<number>;
  signup_id: number;
  challenge_id: number;
  state: string;
  content_json: string;
  revision: number;
  created_by: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  withdrawn_at: string | null;
  decision: Generated<string>;
  decision_reason: Generated<string>;
  poster_confirmed_at: string | null;
  taker_confirmed_at: string | null;
}

/** The engagement thread (对接) of one solution: poster, taker, and the municipal office. */
export interface SolutionMessageTable {
  id: Generated<number>;
  solution_id: number;
  challenge_id: number;
  author_user_id: number;
  author_name: string;
  author_side: string;
  body: string;
  created_at: string;
  /** JSON array of file ids (migration 016). */
  attachment_ids_json: ColumnType<string, string | undefined, string>;
}
