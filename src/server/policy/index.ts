import { AppError } from '../core/errors.js';
import type { MaybeActor } from './actor.js';
import { RULES, type ResourceMap, type ResourceType } from './rules.js';

export type { Actor, MaybeActor } from './actor.js';
export { RULES } from './rules.js';
export type { ResourceMap, ResourceType } from './rules.js';

/** May this actor do this action on this resource? Anonymous visitors may do nothing listed here. */
export function can<T extends ResourceType>(
  actor: MaybeActor,
  resource: T,
  action: string,
  res: ResourceMap[T],
): boolean {
  if (!actor) return false;
  return RULES.some(
    (r) =>
      r.resource === resource &&
      r.action === action &&
      r.roles.includes(actor.role) &&
      (!r.when || (r.when as (a: typeof actor, x: ResourceMap[T]) => boolean)(actor, res)),
  );
}

/** Every action in the table this actor may take on the resource: sent to the UI with each entity. */
export function allowedActions<T extends ResourceType>(
  actor: MaybeActor,
  resource: T,
  res: ResourceMap[T],
): string[] {
  const actions = new Set<string>();
  for (const r of RULES)
    if (r.resource === resource && !r.typeLevel && can(actor, resource, r.action, res)) actions.add(r.action);
  return [...actions];
}

/**
 * Throws unless allowed. Whoever may not even `view` the resource gets 404, so its existence is not
 * revealed; whoever may view it but not act gets 403. Anonymous callers get 401.
 */
export function authorize<T extends ResourceType>(
  actor: MaybeActor,
  resource: T,
  action: string,
  res: ResourceMap[T],
): void {
  if (can(actor, resource, action, res)) return;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const hasView = RULES.some((r) => r.resource === resource && r.action === 'view');
  if (hasView && action !== 'view' && can(actor, resource, 'view', res)) throw new AppError('FORBIDDEN');
  if (hasView) throw new AppError('NOT_FOUND');
  throw new AppError('FORBIDDEN');
}

/** For resources without an instance (lists, settings, the audit trail). */
export function authorizeType(actor: MaybeActor, resource: ResourceType, action: string): void {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ok = RULES.some(
    (r) => r.resource === resource && r.action === action && r.roles.includes(actor.role) && !r.when,
  );
  if (!ok) throw new AppError('FORBIDDEN');
}

/** Region filter for list queries: null = everything, a number = that region only, 'none' = nothing. */
export function regionScope(actor: MaybeActor): number | null | 'none' {
  if (!actor) return 'none';
  if (actor.role === 'municipal_officer') return null;
  if (actor.role === 'district_officer') return actor.regionId ?? 'none';
  return 'none';
}

/** The type-level actions (create, list …) the actor may take, as `resource.action`: for menus and buttons. */
export function permissions(actor: MaybeActor): string[] {
  if (!actor) return [];
  return RULES.filter((r) => r.typeLevel && r.roles.includes(actor.role)).map(
    (r) => `${r.resource}.${r.action}`,
  );
}
