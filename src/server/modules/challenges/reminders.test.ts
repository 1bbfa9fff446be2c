import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainUntil, startTestApp, type TestApp } from '../../test/harness.js';
import { remindDeadlines } from './reminders.js';
import { challengeCast, inDays, published, submitted, techInput, transferInput } from './test-kit.js';

// Its own database: the job looks at every published posting.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ isolated: true });
});
afterAll(async () => t.close());

describe('deadline reminders (scheduled job)', () => {
  it('reminds the poster a week before and the day before, each once, and never a draft', async () => {
    const cast = await challengeCast(t);
    const p = await published(cast, cast.unit.client, techInput(cast.district.id, { deadline: inDays(10) }));
    // Waiting for review is not published: never reminded.
    await submitted(cast.postdoc.client, transferInput(cast.district.id, { deadline: inDays(10) }));

    expect(await remindDeadlines(t.db, inDays(2))).toBe(0);
    expect(await remindDeadlines(t.db, inDays(3))).toBe(1);
    expect(await remindDeadlines(t.db, inDays(3))).toBe(0);
    expect(await remindDeadlines(t.db, inDays(8))).toBe(0);
    expect(await remindDeadlines(t.db, inDays(9))).toBe(1);
    expect(await remindDeadlines(t.db, inDays(10))).toBe(0);
    expect(await remindDeadlines(t.db, inDays(11))).toBe(0);

    const titles = async (): Promise<string[]> =>
      (await cast.unit.client.get<{ items: Array<{ title: string }> }>('/api/notifications')).body.items.map(
        (n) => n.title,
      );
    await drainUntil(t, async () => (await titles()).includes(`张榜需求「${p.title}」明天截止征集`));
    expect(await titles()).toContain(`张榜需求「${p.title}」将于 ${inDays(10)} 截止征集`);
    const postdocTitles = (
      await cast.postdoc.client.get<{ items: Array<{ title: string }> }>('/api/notifications')
    ).body.items.map((n) => n.title);
    expect(postdocTitles.filter((x) => x.includes('截止征集'))).toEqual([]);
  });

  it('sends only the closest reminder to a posting published late, and runs once across racing nodes', async () => {
    const cast = await challengeCast(t);
    await published(cast, cast.unit.client, techInput(cast.district.id, { deadline: inDays(1) }));
    const counts = await Promise.all([remindDeadlines(t.db, inDays(0)), remindDeadlines(t.db, inDays(0))]);
    expect(counts[0]! + counts[1]!).toBe(1);
    expect(await remindDeadlines(t.db, inDays(1))).toBe(0);
  });
});
