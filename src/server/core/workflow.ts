import type { Role } from '../../shared/roles.js';
import type { Actor } from '../policy/index.js';

/**
 * A state machine as data: each row says from which states an action leads to which state, who may
 * take it, on which scope, and whether an opinion is required. The API checks requests against it,
 * the presenters send each entity's available actions from it, and the docs print it.
 */
export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  /** `owner`: the actor's own unit/account; `own_region`: the actor's district; `any`: role alone. */
  scope: 'owner' | 'own_region' | 'any';
  opinion: 'required' | 'optional' | 'none';
}

export interface ScopeFacts {
  isOwner: boolean;
  inRegion: boolean;
}

export function inScope(t: { scope: 'owner' | 'own_region' | 'any' }, facts: ScopeFacts): boolean {
  return t.scope === 'any' || (t.scope === 'owner' ? facts.isOwner : facts.inRegion);
}

/** The transition for this action from this state, if the table has one. */
export function findTransition<S extends string, A extends string>(
  table: readonly Transition<S, A>[],
  from: S,
  action: A,
): Transition<S, A> | undefined {
  return table.find((t) => t.action === action && t.from.includes(from));
}

/** Actions the actor may take now, by role and scope (guards that need the database come later). */
export function availableTransitions<S extends string, A extends string>(
  table: readonly Transition<S, A>[],
  state: S,
  actor: Actor | null,
  facts: ScopeFacts,
): A[] {
  if (!actor) return [];
  return table
    .filter((t) => t.from.includes(state) && t.roles.includes(actor.role) && inScope(t, facts))
    .map((t) => t.action);
}
