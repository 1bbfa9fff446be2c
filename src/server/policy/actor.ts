import type { Role } from '../../shared/roles.js';

/** Who is acting: the logged-in account as the policy sees it. `null` is an anonymous visitor. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number | null;
  unitId: number | null;
}

export type MaybeActor = Actor | null;
