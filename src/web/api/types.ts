import type { Degree, PostdocStatus, Role, StaffRole, UnitType } from '../../shared/roles';

export interface Region {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  phone: string;
  kind: 'district' | 'municipal';
}

export interface User {
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
  actions: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SessionInfo {
  user: User | null;
  expired: boolean;
}

export interface UnitRegistration {
  username: string;
  password: string;
  unit: {
    name: string;
    unitType: UnitType;
    creditCode: string;
    registrationDate: string;
    regionId: number;
    contactName: string;
    contactPhone: string;
    contactEmail: string;
  };
}

export interface IndividualRegistration {
  username: string;
  password: string;
  person: {
    name: string;
    degree: Degree;
    postdocStatus: PostdocStatus;
    field: string;
    institution: string;
    email: string;
    phone: string;
  };
}

export interface NewStaff {
  username: string;
  displayName: string;
  role: StaffRole;
  regionId: number | null;
  email: string;
  phone: string;
}

export interface Unit {
  id: number;
  name: string;
  unitType: UnitType;
  creditCode: string;
  registrationDate: string;
  region: { id: number; name: string };
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  createdAt: string;
  actions: string[];
}

export interface AuditRecord {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  regionId: number | null;
  ip: string;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string;
}

export interface AuditQuery {
  action?: string;
  actorName?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: string;
}

export interface SecuritySettings {
  sessionIdleMinutes: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
}

export interface PolicyRule {
  resource: string;
  action: string;
  roles: Role[];
  scope: string | null;
}

export interface Notification {
  id: number;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  items: Notification[];
}
