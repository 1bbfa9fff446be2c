import type { Dict } from './types';

/** Names of audited actions and entity types, and the reasons a hash chain can break. */
export const auditDict = {
  'auditAction.account.created': ['开设账号', 'Account created'],
  'auditAction.account.registered': ['自行注册账号', 'Account registered'],
  'auditAction.account.password_changed': ['修改密码', 'Password changed'],
  'auditAction.account.password_reset': ['重置密码', 'Password reset'],
  'auditAction.account.disabled': ['停用账号', 'Account disabled'],
  'auditAction.account.enabled': ['启用账号', 'Account enabled'],
  'auditAction.account.role_changed': ['调整角色', 'Role changed'],
  'auditAction.account.unlocked': ['解锁账号', 'Account unlocked'],
  'auditAction.auth.login': ['登录', 'Logged in'],
  'auditAction.auth.logout': ['退出登录', 'Logged out'],
  'auditAction.auth.login_failed': ['登录失败', 'Login failed'],
  'auditAction.auth.account_locked': ['登录失败并锁定账号', 'Account locked'],
  'auditAction.auth.login_refused_locked': ['锁定期间尝试登录', 'Login refused (locked)'],
  'auditAction.auth.login_refused_disabled': ['停用账号尝试登录', 'Login refused (disabled)'],
  'auditAction.unit.registered': ['单位注册', 'Unit registered'],
  'auditAction.settings.security_updated': ['修改安全设置', 'Security settings changed'],
  'auditAction.notification.read': ['阅读通知', 'Notification read'],

  'entityType.account': ['账号', 'Account'],
  'entityType.unit': ['单位', 'Unit'],
  'entityType.settings': ['设置', 'Settings'],
  'entityType.notification': ['通知', 'Notification'],

  'chain.hash_mismatch': ['记录内容与哈希不符（内容被改动）', 'record content does not match its hash'],
  'chain.link_mismatch': ['与前一条记录的链接不符', 'link to the previous record does not match'],
  'chain.gap': ['记录编号不连续（有记录被删除）', 'a record is missing'],
  'chain.head_mismatch': ['链头与记录总数不符', 'chain head does not match the record count'],
} as const satisfies Dict;
