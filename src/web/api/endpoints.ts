import type { Role, StaffRole } from '../../shared/roles';
import { api, resetAuthState } from './client';
import type {
  AuditQuery,
  AuditRecord,
  ChainVerification,
  IndividualRegistration,
  NewStaff,
  NotificationList,
  Page,
  PolicyRule,
  Region,
  SecuritySettings,
  SessionInfo,
  Unit,
  UnitRegistration,
  User,
} from './types';

/** Public data. */
export const publicApi = {
  regions: (q?: { q?: string; kind?: 'district' | 'municipal' }) =>
    api.get<{ items: Region[] }>('/api/regions', q).then((r) => r.items),
};

export const authApi = {
  session: () => api.get<SessionInfo>('/api/auth/session', undefined, { quietAuth: true }),
  login: (username: string, password: string) =>
    api.post<{ user: User }>('/api/auth/login', { username, password }, { quietAuth: true }).then((r) => {
      resetAuthState();
      return r.user;
    }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout', {}, { quietAuth: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api
      .post<{ user: User }>('/api/auth/password', { currentPassword, newPassword }, { quietAuth: true })
      .then((r) => r.user),
  registerUnit: (body: UnitRegistration) => api.post<{ id: number }>('/api/accounts/register/unit', body),
  registerIndividual: (body: IndividualRegistration) =>
    api.post<{ id: number }>('/api/accounts/register/individual', body),
};

export interface UserQuery {
  q?: string;
  role?: Role;
  regionId?: number;
  page: number;
  pageSize: number;
}

export const usersApi = {
  list: (q: UserQuery) => api.get<Page<User>>('/api/users', { ...q }),
  get: (id: number) => api.get<User>(`/api/users/${id}`),
  create: (body: NewStaff) => api.post<{ user: User; initialPassword: string }>('/api/users', body),
  resetPassword: (id: number) => api.post<{ initialPassword: string }>(`/api/users/${id}/reset-password`),
  disable: (id: number) => api.post<User>(`/api/users/${id}/disable`),
  enable: (id: number) => api.post<User>(`/api/users/${id}/enable`),
  changeRole: (id: number, role: StaffRole, regionId: number | null) =>
    api.post<User>(`/api/users/${id}/role`, { role, regionId }),
  unlock: (id: number) => api.post<User>(`/api/users/${id}/unlock`),
};

export const unitsApi = {
  list: (q: { q?: string; page: number; pageSize: number }) => api.get<Page<Unit>>('/api/units', { ...q }),
  get: (id: number) => api.get<Unit>(`/api/units/${id}`),
};

export const auditApi = {
  list: (q: AuditQuery) => api.get<Page<AuditRecord>>('/api/audit', { ...q }),
  verify: () => api.get<ChainVerification>('/api/audit/verify'),
};

export const settingsApi = {
  security: () => api.get<SecuritySettings>('/api/settings/security'),
  saveSecurity: (s: SecuritySettings) => api.put<SecuritySettings>('/api/settings/security', s),
  policy: () => api.get<{ rules: PolicyRule[] }>('/api/policy').then((r) => r.rules),
};

export const notificationsApi = {
  list: (q: { unreadOnly?: boolean; limit?: number }) =>
    api.get<NotificationList>('/api/notifications', { unreadOnly: q.unreadOnly, limit: q.limit }),
  read: (id: number) => api.post<{ ok: true }>(`/api/notifications/${id}/read`),
  readAll: () => api.post<{ ok: true }>('/api/notifications/read-all'),
};
