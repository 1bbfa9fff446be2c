import { AppError } from '../../core/errors.js';
import type { DbOrTrx } from '../../db/index.js';
import type { MaybeActor } from '../../policy/index.js';
import { allowedActions } from '../../policy/index.js';
import type { Role } from '../../../shared/roles.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  region: { id: number; name: string; nameEn: string } | null;
  unit: { id: number; name: string; creditCode: string; unitType: string; registrationDate: string } | null;
  person: { name: string; degree: string; postdocStatus: string; field: string; institution: string } | null;
  email: string;
  phone: string;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  locked: boolean;
  createdAt: string;
  /** What the caller may do with this account, from the policy table. */
  actions: string[];
}

/** Loads and presents accounts by id, in one query per table whatever the count. */
export async function presentUsers(db: DbOrTrx, viewer: MaybeActor, ids: number[]): Promise<UserView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .leftJoin('regions', 'regions.id', 'users.region_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('person_profiles', 'person_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.region_id',
      'users.unit_id',
      'users.email',
      'users.phone',
      'users.status',
      'users.must_change_password',
      'users.locked_until',
      'users.created_at',
      'regions.name as region_name',
      'regions.name_en as region_name_en',
      'units.name as unit_name',
      'units.credit_code',
      'units.unit_type',
      'units.registration_date',
      'person_profiles.name as person_name',
      'person_profiles.degree',
      'person_profiles.postdoc_status',
      'person_profiles.field',
      'person_profiles.institution',
    ])
    .where('users.id', 'in', ids)
    .execute();
  const now = new Date().toISOString();
  const byId = new Map(
    rows.map((r) => {
      const role = r.role as Role;
      const view: UserView = {
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        role,
        region:
          r.region_id !== null && r.region_name !== null
            ? { id: r.region_id, name: r.region_name, nameEn: r.region_name_en ?? '' }
            : null,
        unit:
          r.unit_id !== null && r.unit_name !== null
            ? {
                id: r.unit_id,
                name: r.unit_name,
                creditCode: r.credit_code ?? '',
                unitType: r.unit_type ?? '',
                registrationDate: r.registration_date ?? '',
              }
            : null,
        person:
          r.person_name !== null
            ? {
                name: r.person_name,
                degree: r.degree ?? '',
                postdocStatus: r.postdoc_status ?? '',
                field: r.field ?? '',
                institution: r.institution ?? '',
              }
            : null,
        email: r.email,
        phone: r.phone,
        status: r.status,
        mustChangePassword: r.must_change_password === 1,
        locked: r.locked_until !== null && r.locked_until > now,
        createdAt: r.created_at,
        // The policy says who may; the account's state says what makes sense now (a request in the
        // wrong state is still refused by the command, with 409).
        actions: allowedActions(viewer, 'account', {
          id: r.id,
          role,
          regionId: r.region_id,
          unitId: r.unit_id,
        }).filter(
          (a) =>
            (a !== 'disable' || r.status === 'active') &&
            (a !== 'enable' || r.status === 'disabled') &&
            (a !== 'unlock' || (r.locked_until !== null && r.locked_until > now)),
        ),
      };
      return [r.id, view] as const;
    }),
  );
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export async function presentUser(db: DbOrTrx, viewer: MaybeActor, id: number): Promise<UserView> {
  const [u] = await presentUsers(db, viewer, [id]);
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}
