import type { FileView } from '../stations/types';
import type { ChallengeKind } from '../../shared/challenges/form';

export type HallStatus = 'open' | 'closed' | 'matched';
export type HallSort = 'date' | 'deadline' | 'budget' | 'relevance';

/** A piece of a title or snippet; `hit` marks a match of the search. */
export interface TextPart {
  text: string;
  hit: boolean;
}

export interface HallItem {
  id: number;
  kind: ChallengeKind;
  title: string;
  titleParts: TextPart[];
  snippetParts: TextPart[];
  domain: string;
  region: { id: number; name: string };
  status: HallStatus;
  deadline: string;
  budgetWan: number;
  publishedAt: string;
  views: number;
  signups: number;
}

export interface HallPage {
  items: HallItem[];
  total: number;
  /** How many matches relevance ranks (the most recent ones); other sorts page through all. */
  ranked: number;
  sort: HallSort;
  nextCursor: string | null;
  query: { needles: string[] } | null;
}

export interface HallQuery {
  kind?: ChallengeKind;
  domain?: string;
  regionId?: number;
  status?: HallStatus;
  sort?: HallSort;
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface Patent {
  number: string;
  title: string;
  owner: string;
}

/** The public part of a posting, by kind (the confidential part is never sent to the public). */
export interface PublicFields {
  problem?: string;
  indicators?: string;
  expectedOutcome?: string;
  support?: string;
  achievement?: string;
  maturity?: string;
  patents?: Patent[];
  ipOwnership?: string;
  market?: string;
  partnerSought?: string;
}

export interface ChallengeDetail {
  id: number;
  kind: ChallengeKind;
  state: string;
  status: HallStatus | null;
  title: string;
  domain: string;
  region: { id: number; name: string } | null;
  posterName: string;
  deadline: string;
  budgetWan: number;
  public: PublicFields;
  publicAttachments: FileView[];
  publishedAt: string | null;
  closedAt: string | null;
  views: number;
  signups: number;
}
