/** Every role an account can hold. Staff roles are scoped to a region where `regionScoped` says so. */
export const ROLES = [
  'unit',
  'individual',
  'district_officer',
  'municipal_officer',
  'national_reviewer',
  'expert',
  'sys_admin',
  'sec_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles created by an administrator (never by self-registration). */
export const STAFF_ROLES = [
  'district_officer',
  'municipal_officer',
  'national_reviewer',
  'expert',
  'sys_admin',
  'sec_admin',
  'audit_admin',
] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The three operator roles of 三员分立: none of them sees business data. */
export const OPERATOR_ROLES = ['sys_admin', 'sec_admin', 'audit_admin'] as const satisfies readonly Role[];

/** A district officer must be bound to a district; every other role is city-wide or has no region. */
export function roleNeedsDistrict(role: Role): boolean {
  return role === 'district_officer';
}

export const UNIT_TYPES = [
  'enterprise',
  'research_institute',
  'new_rd_institution',
  'public_institution',
  'university',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const DEGREES = ['doctorate', 'master', 'bachelor'] as const;
export type Degree = (typeof DEGREES)[number];

/** 在站 (in station), 出站 (left station), or a PhD who has not entered a station. */
export const POSTDOC_STATUSES = ['in_station', 'out_station', 'phd'] as const;
export type PostdocStatus = (typeof POSTDOC_STATUSES)[number];

/** The nine domains of seed 002. */
export const DOMAINS = [
  'next_gen_it',
  'biomedicine',
  'high_end_equipment',
  'new_materials',
  'new_energy',
  'energy_saving',
  'agriculture_food',
  'culture_creative',
  'other',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Today's date (YYYY-MM-DD) in China Standard Time (UTC+8), where the platform's users live. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
