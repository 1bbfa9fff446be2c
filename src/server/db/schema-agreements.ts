import type { Generated } from 'kysely';

/* The tables of the agreements module (migration 005), kept apart so schema.ts stays short; listed in `Database`. */

export interface AgreementTemplateTable {
  id: Generated<number>;
  key: string;
  version: number;
  title: string;
  body: string;
  fields_json: string;
  parties_json: string;
  filing: string;
  active: number;
  created_at: string;
  created_by: number | null;
}

export interface AgreementTable {
  id: Generated<number>;
  number: string | null;
  template_id: number;
  template_key: string;
  template_version: number;
  title: string;
  subject_type: string;
  subject_id: number;
  region_id: number | null;
  fields_json: string;
  body_text: string;
  state: string;
  verification_code: string;
  document_key: string;
  document_sha256: string;
  filed_key: string | null;
  filed_sha256: string | null;
  signature_sha256: string | null;
  filing_year: number | null;
  filing_seq: number | null;
  filing_number: string | null;
  filed_by: number | null;
  revision: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  filed_at: string | null;
  closed_reason: Generated<string>;
}

export interface AgreementPartyTable {
  id: Generated<number>;
  agreement_id: number;
  user_id: number;
  role_label: string;
  party_order: number;
  name: string;
  state: string;
  method: Generated<string>;
  signed_at: string | null;
  ip: Generated<string>;
  user_agent: Generated<string>;
  signed_sha256: Generated<string>;
  reason: Generated<string>;
}

export interface AgreementEventTable {
  id: Generated<number>;
  agreement_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  role_label: Generated<string>;
  ip: Generated<string>;
  user_agent: Generated<string>;
  document_sha256: Generated<string>;
  detail: Generated<string>;
  at: string;
}

export interface AgreementCounterTable {
  year: number;
  last_seq: number;
}
