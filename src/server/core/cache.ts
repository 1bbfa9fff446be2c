/**
 * A short-lived, per-node cache of public read responses (the 榜单大厅). Every command committed on this
 * node clears it (runCommand calls `invalidate()`), so a node always shows its own writes at once; the
 * TTL bounds how long another node's writes, a scheduled job's, or a view counter may lag. Concurrent
 * requests for the same key while it loads share one load (single flight), so a burst of identical
 * queries costs one database round trip. An entry past its TTL (by less than one more TTL) is still served
 * while one request reloads it in the background (stale-while-revalidate), so no visitor waits for a
 * slow query that is merely being refreshed; writes on the node still clear everything at once.
 * `ttlMs` 0 switches it off.
 */
export class PublicCache {
  private generation = 0;
  private readonly entries = new Map<string, { generation: number; until: number; value: unknown }>();
  private readonly loading = new Map<string, { generation: number; promise: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit && hit.generation === this.generation) {
      if (hit.until > now) return hit.value as T;
      if (hit.until + this.ttlMs > now) {
        // Stale: serve it and refresh once in the background (a failed refresh keeps the stale value).
        this.load(key, load).catch(() => undefined);
        return hit.value as T;
      }
    }
    return this.load(key, load);
  }

  /** Loads a key once at a time per generation (single flight) and stores the result. */
  private load<T>(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generation) return pending.promise as Promise<T>;
    const generation = this.generation;
    const promise = load().then(
      (value) => {
        // Only a load that started after the last invalidation may fill the cache.
        if (generation === this.generation) {
          if (this.entries.size >= this.maxEntries) this.entries.clear();
          this.entries.set(key, { generation, until: this.now() + this.ttlMs, value });
        }
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        return value;
      },
      (err: unknown) => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        throw err;
      },
    );
    this.loading.set(key, { generation, promise });
    return promise;
  }
}
