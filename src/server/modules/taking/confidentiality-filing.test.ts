import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/client.js';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { CONFIDENTIALITY } from '../../../shared/taking/confidentiality.js';
import type { AgreementView } from '../agreements/test-kit.js';
import { must, person, signUp, takingCast } from './test-kit.js';

let t: TestApp;
beforeAll(async () => {
  // Its own database: the outbox message (and the PDF it stores) must be handled by this app.
  t = await startTestApp({ isolated: true });
});
afterAll(async () => t.close());

const acceptanceOf = (challengeId: number, userId: number) =>
  t.db
    .selectFrom('confidentiality_acceptances')
    .select(['id', 'agreement_id', 'ip'])
    .where('challenge_id', '=', challengeId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();

describe('保密书 as filed documents', () => {
  it('files each side’s acceptance as a signed, sealed one-party document the party can open', async () => {
    const cast = await takingCast(t);
    const phd = await person(t, { name: '王博士' });
    must(await signUp(phd.client, cast.tech.id, { takerKind: 'individual' }), 201, 'sign up');
    const url = `/api/challenges/${cast.tech.id}/confidentiality`;
    must(await phd.client.post(url, { side: 'taker', version: CONFIDENTIALITY.taker.version }), 200, 'taker');
    must(
      await cast.unit.client.post(url, { side: 'poster', version: CONFIDENTIALITY.poster.version }),
      200,
      'poster',
    );

    await drainUntil(t, async () => (await acceptanceOf(cast.tech.id, phd.user.id)).agreement_id !== null);
    await drainUntil(
      t,
      async () => (await acceptanceOf(cast.tech.id, cast.unit.user.id)).agreement_id !== null,
    );
    const taker = await acceptanceOf(cast.tech.id, phd.user.id);
    const doc = must(
      await phd.client.get<AgreementView>(`/api/agreements/${taker.agreement_id}`),
      200,
      'doc',
    );
    expect(doc).toMatchObject({ templateKey: 'confidentiality_taker', state: 'filed' });
    expect(doc.parties).toMatchObject([
      { roleLabel: '揭榜方', name: '王博士', state: 'signed', ip: taker.ip },
    ]);
    expect(doc.bodyText).toContain(CONFIDENTIALITY.taker.text.split('\n')[0]!);
    expect(doc.bodyText).toContain(cast.tech.title);
    const pdf = await phd.client.request('GET', `/api/agreements/${taker.agreement_id}/pdf`);
    expect(pdf.status).toBe(200);

    const poster = await acceptanceOf(cast.tech.id, cast.unit.user.id);
    const posterDoc = must(
      await cast.unit.client.get<AgreementView>(`/api/agreements/${poster.agreement_id}`),
      200,
      'poster doc',
    );
    expect(posterDoc).toMatchObject({ templateKey: 'confidentiality_poster', state: 'filed' });
    // Not the other party's, nor anyone else's.
    expectError(await phd.client.get(`/api/agreements/${poster.agreement_id}`), 404, 'NOT_FOUND');
    expectError(await cast.other.client.get(`/api/agreements/${taker.agreement_id}`), 404, 'NOT_FOUND');

    // Accepting again files nothing new.
    must(await phd.client.post(url, { side: 'taker', version: CONFIDENTIALITY.taker.version }), 200, 'again');
    await t.app.drainOutbox();
    const docs = await t.db
      .selectFrom('agreements')
      .select('id')
      .where('template_key', '=', 'confidentiality_taker')
      .where('subject_id', '=', cast.tech.id)
      .execute();
    expect(docs).toHaveLength(1);
  }, 150_000);
});
