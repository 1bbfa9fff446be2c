import type { Generated } from 'kysely';

/* The tables of 揭榜成果公布, events and certificates (migration 011); listed in `Database` in schema.ts. */

/** 揭榜成果公告: a periodic announcement of successful matches (draft → published → withdrawn). */
export interface ResultsAnnouncementTable {
  id: Generated<number>;
  title: string;
  period_from: string;
  period_to: string;
  intro: string;
  state: string;
  revision: number;
  withdraw_reason: string;
  created_by: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  withdrawn_at: string | null;
}

/** One matched solution in an announcement: public facts only, the summary editable by the office. */
export interface ResultsItemTable {
  id: Generated<number>;
  announcement_id: number;
  solution_id: number;
  challenge_id: number;
  position: number;
  need_title: string;
  domain: string;
  poster_name: string;
  taker_name: string;
  matched_on: string;
  summary: string;
  region_key: string;
}

/** 现场对接会, roadshow, training …: recorded by the municipal office. */
export interface ResultsEventTable {
  id: Generated<number>;
  name: string;
  kind: string;
  held_on: string;
  place: string;
  description: string;
  region_id: number | null;
  revision: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface ResultsEventParticipantTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  created_at: string;
}

export interface ResultsEventProjectTable {
  id: Generated<number>;
  event_id: number;
  solution_id: number;
  created_at: string;
}

/** 推荐参加创新创业大赛: one per matched solution. */
export interface CompetitionRecommendationTable {
  id: Generated<number>;
  solution_id: number;
  recommended_on: string;
  note: string;
  created_by: number;
  created_at: string;
}

/** 参与证明 / 对接成功证明: issued once per account and subject, verifiable by code. */
export interface CertificateTable {
  id: Generated<number>;
  kind: string;
  number: string;
  verification_code: string;
  user_id: number;
  subject_key: string;
  holder_name: string;
  subject_title: string;
  subject_date: string;
  detail: string;
  issued_at: string;
}

export interface ResultsTables {
  results_announcements: ResultsAnnouncementTable;
  results_items: ResultsItemTable;
  results_events: ResultsEventTable;
  results_event_participants: ResultsEventParticipantTable;
  results_event_projects: ResultsEventProjectTable;
  competition_recommendations: CompetitionRecommendationTable;
  certificates: CertificateTable;
}
