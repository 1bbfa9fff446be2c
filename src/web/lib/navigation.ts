/** What the login page may be told when another page sends the user there. */
export type LoginNotice = 'expired' | 'loginRequired' | 'registered' | 'loggedOut' | 'passwordChanged';

export interface LoginState {
  notice?: LoginNotice;
  /** Where to go after logging in. */
  from?: string;
  /** Prefill the username (after registration). */
  username?: string;
}

export function readLoginState(state: unknown): LoginState {
  if (!state || typeof state !== 'object') return {};
  const s = state as Record<string, unknown>;
  const notices: LoginNotice[] = ['expired', 'loginRequired', 'registered', 'loggedOut', 'passwordChanged'];
  return {
    notice: notices.find((n) => n === s.notice),
    from: typeof s.from === 'string' && s.from.startsWith('/console') ? s.from : undefined,
    username: typeof s.username === 'string' ? s.username : undefined,
  };
}
