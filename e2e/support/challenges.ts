import { Api, createStaff, uniq } from './api.js';
import { E2E_PASSWORD } from './env.js';

/** A staff member, logged in through the API with the initial password already changed. */
export async function staffApi(role: string, displayName: string): Promise<Api> {
  const username = `${role.slice(0, 8)}_${uniq()}`;
  const initial = await createStaff({ username, displayName, role });
  const first = await Api.open();
  await first.login(username, initial);
  await first.post('/api/auth/password', { currentPassword: initial, newPassword: E2E_PASSWORD });
  await first.dispose();
  const api = await Api.open();
  await api.login(username, E2E_PASSWORD);
  return api;
}

/** A date `days` from today (YYYY-MM-DD). */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Publishes a posting through the whole review chain by API: the poster creates it, accepts the
 * commitment and submits; the municipal officer approves; the national reviewer publishes.
 */
export async function publishChallenge(
  poster: Api,
  city: Api,
  nation: Api,
  body: Record<string, unknown> & { kind: 'tech' | 'transfer' },
): Promise<number> {
  const { id } = await poster.post<{ id: number }>('/api/challenges', body);
  const { version } = await poster.get<{ version: number | string }>(
    `/api/challenges/commitments/${body.kind}`,
  );
  await poster.post(`/api/challenges/${id}/commitment`, { version });
  await poster.post(`/api/challenges/${id}/actions/submit`);
  await city.post(`/api/challenges/${id}/actions/municipal_approve`, { opinion: '同意，报部级审核。' });
  const out = await nation.post<{ state: string }>(`/api/challenges/${id}/actions/national_publish`, {
    opinion: '同意发布。',
  });
  if (out.state !== 'published') throw new Error(`posting ${id} is ${out.state}, not published`);
  return id;
}
