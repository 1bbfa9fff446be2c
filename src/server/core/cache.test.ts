import { describe, expect, it } from 'vitest';
import { PublicCache } from './cache.js';

describe('PublicCache', () => {
  it('serves a hit until the TTL passes, then the stale value while reloading, then loads again', async () => {
    let now = 1000;
    let loads = 0;
    const c = new PublicCache(3000, 10, () => now);
    const load = async () => ++loads;
    expect(await c.get('a', load)).toBe(1);
    expect(await c.get('a', load)).toBe(1);
    now += 2999;
    expect(await c.get('a', load)).toBe(1);
    expect(loads).toBe(1);
    // Past the TTL: the stale value at once, and one background reload.
    now += 2;
    expect(await c.get('a', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(2);
    expect(await c.get('a', load)).toBe(2);
    // Past one more TTL without a reload: loaded before answering.
    now += 6001;
    expect(await c.get('a', load)).toBe(3);
    expect(await c.get('b', load)).toBe(4);
  });

  it('keeps serving the stale value when a background reload fails', async () => {
    let now = 0;
    let fail = false;
    const c = new PublicCache(1000, 10, () => now);
    const load = async () => {
      if (fail) throw new Error('database restarting');
      return 'v1';
    };
    expect(await c.get('k', load)).toBe('v1');
    now = 1500;
    fail = true;
    expect(await c.get('k', load)).toBe('v1');
    await new Promise((r) => setTimeout(r, 0));
    expect(await c.get('k', load)).toBe('v1');
    now = 2500;
    await expect(c.get('k', load)).rejects.toThrow('database restarting');
  });

  it('shares one load between concurrent requests for the same key', async () => {
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = new PublicCache(3000);
    const load = async () => {
      loads++;
      await gate;
      return 'v';
    };
    const all = Promise.all([c.get('k', load), c.get('k', load), c.get('k', load)]);
    release();
    expect(await all).toEqual(['v', 'v', 'v']);
    expect(loads).toBe(1);
  });

  it('never keeps a value loaded before an invalidation (a write committed meanwhile)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = new PublicCache(3000);
    const stale = c.get('k', async () => {
      await gate;
      return 'old';
    });
    c.invalidate();
    release();
    expect(await stale).toBe('old');
    expect(await c.get('k', async () => 'new')).toBe('new');
    c.invalidate();
    expect(await c.get('k', async () => 'newer')).toBe('newer');
  });

  it('does not cache failures, and is off with a TTL of 0', async () => {
    const c = new PublicCache(3000);
    await expect(c.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await c.get('k', async () => 'ok')).toBe('ok');
    let loads = 0;
    const off = new PublicCache(0);
    await off.get('k', async () => ++loads);
    await off.get('k', async () => ++loads);
    expect(loads).toBe(2);
  });
});
