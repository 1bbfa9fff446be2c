import type { ApiClient, ApiResponse } from '../../test/client.js';
import { buildActor, buildDistrict, uniq } from '../../test/factories.js';
import type { TestApp } from '../../test/harness.js';
import { challengeCast, published, techInput } from '../challenges/test-kit.js';

export interface AgreementView {
  id: number;
  number: string;
  state: string;
  templateKey: string;
  templateVersion: number;
  verificationCode: string;
  documentSha256: string;
  filedSha256: string | null;
  filingNumber: string | null;
  bodyText: string;
  parties: Array<{
    roleLabel: string;
    order: number;
    name: string;
    state: string;
    ip: string;
    signedSha256: string;
  }>;
  events: Array<{ action: string }>;
  actions: string[];
}

export interface VerifyView {
  verdict: string;
  sha256: string | null;
  document: { number: string; filingNumber: string | null; parties: Array<{ name: string }> } | null;
  signature: { present: boolean; valid: boolean } | null;
}

function cookies(c: ApiClient): string {
  return [...c.jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
}

/** The public verification by upload (multipart), as the verification page sends it. */
export async function verifyUpload(
  c: ApiClient,
  data: Buffer,
  type = 'application/pdf',
): Promise<ApiResponse<VerifyView>> {
  if (!c.cookie('bohou_csrf')) await c.get('/api/auth/session');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), '协议.pdf');
  const res = await fetch(`${c.baseUrl}/api/verify/agreements`, {
    method: 'POST',
    body: form,
    headers: { 'x-forwarded-for': c.ip, 'x-csrf-token': c.cookie('bohou_csrf') ?? '', cookie: cookies(c) },
  });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text) as VerifyView,
    text,
    headers: res.headers,
    setCookies: [],
  };
}

/** The PDF bytes (the JSON client would decode them as text). */
export async function downloadPdf(
  c: ApiClient,
  id: number,
): Promise<{ status: number; type: string; data: Buffer }> {
  const res = await fetch(`${c.baseUrl}/api/agreements/${id}/pdf`, {
    headers: { 'x-forwarded-for': c.ip, cookie: cookies(c) },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    data: Buffer.from(await res.arrayBuffer()),
  };
}

/**
 * A published posting of a district's unit (the poster), an individual taker, the municipal office,
 * the district's office, another district's office and an outsider unit.
 */
export async function agreementCast(t: TestApp) {
  const cast = await challengeCast(t);
  const challenge = await published(cast, cast.unit.client, techInput(cast.district.id));
  const taker = await buildActor(t, 'individual');
  await t.db
    .insertInto('person_profiles')
    .values({
      user_id: taker.user.id,
      name: '孙博士',
      degree: 'doctorate',
      postdoc_status: 'in_station',
      field: '材料学',
      institution: '重庆大学',
    })
    .execute();
  const districtOfficer = await buildActor(t, 'district_officer', { regionId: cast.district.id });
  const otherDistrict = await buildActor(t, 'district_officer', { regionId: (await buildDistrict(t.db)).id });
  return { ...cast, challenge, taker, districtOfficer, otherDistrict };
}
export type AgreementCast = Awaited<ReturnType<typeof agreementCast>>;

export const COOPERATION_FIELDS = {
  cooperation_scope: '高镍三元正极材料稳定性技术攻关',
  end_date: '2027-12-31',
};

export async function makeAgreement(
  cast: AgreementCast,
  over: { templateKey?: string; fields?: Record<string, string> } = {},
): Promise<ApiResponse<AgreementView>> {
  return cast.city.client.post<AgreementView>('/api/agreements', {
    templateKey: over.templateKey ?? 'cooperation',
    challengeId: cast.challenge.id,
    takerUsername: cast.taker.user.username,
    fields: over.fields ?? COOPERATION_FIELDS,
  });
}

/** A template of its own (unique key) so tests never change the shared defaults. */
export async function makeTemplate(
  c: ApiClient,
  over: Record<string, unknown> = {},
): Promise<ApiResponse<{ id: number; key: string; version: number }>> {
  return c.post('/api/agreement-templates', {
    key: uniq('tpl'),
    title: '测试合作协议',
    body: '甲方：{{poster_name}}\n乙方：{{taker_name}}\n需求：{{challenge_title}}\n备注：{{note}}',
    fields: [
      { name: 'poster_name', label: '甲方', required: true },
      { name: 'taker_name', label: '乙方', required: true },
      { name: 'challenge_title', label: '需求名称', required: true },
      { name: 'note', label: '备注', required: false },
    ],
    parties: [
      { role: '揭榜方', order: 1 },
      { role: '张榜方', order: 1 },
    ],
    filing: 'office',
    ...over,
  });
}

export const sign = (c: ApiClient, id: number, password: string) =>
  c.post<AgreementView>(`/api/agreements/${id}/sign`, { password });
