import { z } from 'zod';
import { isValidCreditCode } from '../../../shared/credit-code.js';
import { isStrongPassword } from '../../../shared/password-policy.js';
import { DEGREES, POSTDOC_STATUSES, STAFF_ROLES, todayInChina, UNIT_TYPES } from '../../../shared/roles.js';

/*
 * Request schemas of the accounts module. A refinement's message is a field-message key
 * (core/messages.ts `fieldMessages`), so the error names the field and says why in zh-CN or en.
 */
const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'username_format');

export const Password = z.string().max(128).refine(isStrongPassword, 'weak_password');

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'date_format',
  );

export const PastDate = IsoDate.refine((s) => s <= todayInChina(), 'date_future');

export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'phone');
export const Email = z.string().trim().max(120).pipe(z.email('email'));

export const UnitProfile = z.object({
  /** Registered name of the unit (单位名称). */
  name: text(100),
  unitType: z.enum(UNIT_TYPES),
  /** 统一社会信用代码, checked with the GB 32100-2015 check character. */
  creditCode: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().refine(isValidCreditCode, 'credit_code')),
  /** Date of registration (成立日期), not in the future. */
  registrationDate: PastDate,
  regionId: z.number().int().positive(),
  contactName: text(50),
  contactPhone: Phone,
  contactEmail: Email,
});

export const RegisterUnitBody = z.object({
  username: Username,
  password: Password,
  unit: UnitProfile,
});
export type RegisterUnitInput = z.infer<typeof RegisterUnitBody>;

export const PersonProfile = z.object({
  name: text(50),
  degree: z.enum(DEGREES),
  /** 在站 / 出站, or a PhD not (yet) in a station. */
  postdocStatus: z.enum(POSTDOC_STATUSES),
  field: text(100),
  institution: text(100),
  email: Email,
  phone: Phone,
});

export const RegisterIndividualBody = z.object({
  username: Username,
  password: Password,
  person: PersonProfile,
});
export type RegisterIndividualInput = z.infer<typeof RegisterIndividualBody>;

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'required').max(64),
  password: z.string().min(1, 'required').max(128),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(128),
  newPassword: Password,
});

export const CreateStaffBody = z.object({
  username: Username,
  displayName: text(50),
  role: z.enum(STAFF_ROLES),
  regionId: z.number().int().positive().nullable().default(null),
  email: z.union([Email, z.literal('')]).default(''),
  phone: z.union([Phone, z.literal('')]).default(''),
});
export type CreateStaffInput = z.infer<typeof CreateStaffBody>;

export const ChangeRoleBody = z.object({
  role: z.enum(STAFF_ROLES),
  regionId: z.number().int().positive().nullable(),
});

export const ListUsersQuery = z.object({
  q: optionalText(64),
  role: z.enum([...STAFF_ROLES, 'unit', 'individual']).optional(),
  regionId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const IdParams = z.object({ id: z.coerce.number().int().positive() });
