/*
 * Conflicts of interest between items under review and experts (issue #8): an expert may not review an
 * item when they work at the taker's or the poster's institution, when they are a member of the taking
 * team, or when they declared a conflict with the item. `buildConflicts` precomputes every conflicting
 * pair once (a bit per pair) for the optimiser; `conflictReasons` says why one pair conflicts, for the UI.
 */

export type Id = string | number;

export interface ItemParties {
  id: Id;
  /** Institution (unit) of the poster of the challenge. */
  posterInstitution: Id | null;
  /** Institution of the taker (the postdoc's station or unit). */
  takerInstitution: Id | null;
  /** People of the taking team (leader included). */
  teamPersonIds: readonly Id[];
}

export interface ExpertProfile {
  id: Id;
  /** The expert as a person, to find them in teams. */
  personId: Id | null;
  institution: Id | null;
  /** Items the expert declared a conflict with. */
  declaredItemIds?: readonly Id[];
}

export const CONFLICT_REASONS = [
  'same_institution_as_taker',
  'same_institution_as_poster',
  'team_member',
  'declared',
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** Every reason why `expert` may not review `item` (empty when none). */
export function conflictReasons(item: ItemParties, expert: ExpertProfile): ConflictReason[] {
  const out: ConflictReason[] = [];
  const inst = expert.institution;
  if (inst !== null && inst === item.takerInstitution) out.push('same_institution_as_taker');
  if (inst !== null && inst === item.posterInstitution) out.push('same_institution_as_poster');
  if (expert.personId !== null && item.teamPersonIds.includes(expert.personId)) out.push('team_member');
  if (expert.declaredItemIds?.includes(item.id)) out.push('declared');
  return out;
}

export interface ConflictTable {
  /** Conflicting pairs in total. */
  count: number;
  /** By index into the items and experts given to buildConflicts. */
  has(item: number, expert: number): boolean;
  reasons(item: number, expert: number): ConflictReason[];
}

/** All conflicting pairs of `items` × `experts`, found through indexes (not by testing every pair). */
export function buildConflicts(
  items: readonly ItemParties[],
  experts: readonly ExpertProfile[],
): ConflictTable {
  const m = experts.length;
  const bits = new Uint8Array(Math.ceil((items.length * m) / 8));
  const byInstitution = new Map<Id, number[]>();
  const byPerson = new Map<Id, number[]>();
  const byDeclared = new Map<Id, number[]>();
  const add = (map: Map<Id, number[]>, key: Id, e: number) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  experts.forEach((x, e) => {
    if (x.institution !== null) add(byInstitution, x.institution, e);
    if (x.personId !== null) add(byPerson, x.personId, e);
    for (const id of new Set(x.declaredItemIds ?? [])) add(byDeclared, id, e);
  });
  let count = 0;
  const mark = (i: number, e: number) => {
    const b = i * m + e;
    if (bits[b >> 3]! & (1 << (b & 7))) return;
    bits[b >> 3] = bits[b >> 3]! | (1 << (b & 7));
    count++;
  };
  items.forEach((it, i) => {
    for (const inst of [it.takerInstitution, it.posterInstitution])
      if (inst !== null) for (const e of byInstitution.get(inst) ?? []) mark(i, e);
    for (const p of it.teamPersonIds) for (const e of byPerson.get(p) ?? []) mark(i, e);
    for (const e of byDeclared.get(it.id) ?? []) mark(i, e);
  });
  return {
    count,
    has: (i, e) => {
      const b = i * m + e;
      return (bits[b >> 3]! & (1 << (b & 7))) !== 0;
    },
    reasons: (i, e) => conflictReasons(items[i]!, experts[e]!),
  };
}
