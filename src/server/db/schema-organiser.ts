import type { Generated } from 'kysely';

/* The tables of the offices' organiser services (migration 017); listed in `Database` in schema.ts. */
export interface OrganiserTables {
  /** 核实: an office's verification of a posting or a sign-up (no row: not yet verified). */
  verifications: {
    id: Generated<number>;
    entity_type: string;
    entity_id: number;
    state: string;
    note: string;
    region_id: number;
    updated_by: number;
    updated_by_name: string;
    updated_at: string;
  };
  /** 推荐揭榜方: an office suggests a person or unit to a poster for one need. */
  suggestions: {
    id: Generated<number>;
    challenge_id: number;
    candidate_kind: string;
    candidate_user_id: number | null;
    candidate_unit_id: number | null;
    candidate_name: string;
    note: string;
    state: string;
    reason: string;
    region_id: number;
    suggested_by: number;
    suggested_by_name: string;
    created_at: string;
    updated_at: string;
  };
}
