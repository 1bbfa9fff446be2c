import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../app.js';
import { loadConfig, type Config } from '../core/config.js';
import type { Storage } from '../core/storage.js';
import type { LogStream } from '../core/logging.js';
import type { Db, DbHandle, DialectName } from '../db/index.js';
import { ApiClient } from './client.js';
import { openIsolatedDatabase, openSharedDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: App;
  baseUrl: string;
  config: Config;
  handle: DbHandle;
  db: Db;
  dialect: DialectName;
  dataDir: string;
  /** A new client with an empty cookie jar, coming from its own address. */
  client(opts?: { ip?: string; lang?: string }): ApiClient;
  close(): Promise<void>;
}

export interface StartOptions {
  /** A database of its own (see openIsolatedDatabase) instead of the run's shared one. */
  isolated?: boolean;
  /** Reuse the database of another test app (e.g. a second app with a low login limit). */
  shareWith?: TestApp;
  loginLimitPerMinute?: number;
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
  /** Another storage provider than the disk (e.g. one whose disk is full). */
  storage?: Storage;
  /** Capture the app's log lines (LOG_LEVEL from `env`, silent by default). */
  logStream?: LogStream;
}

/** A random private address, sent as X-Forwarded-For so each client has its own login rate limit. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** Builds the real app on a fresh DATA_DIR, listening on 127.0.0.1 on a free port. */
export async function startTestApp(opts: StartOptions = {}): Promise<TestApp> {
  const dataDir = opts.shareWith?.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'bohou-test-')));
  let database: TestDatabase | undefined;
  if (!opts.shareWith) {
    database = opts.isolated ? await openIsolatedDatabase(dataDir) : await openSharedDatabase(dataDir);
  }
  const handle = opts.shareWith?.handle ?? database!.handle;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TRUST_PROXY: '1',
    DATABASE_URL: database?.url ?? opts.shareWith?.config.databaseUrl,
    ...opts.env,
  });
  const app = await buildApp({
    config,
    database: handle,
    loginLimitPerMinute: opts.loginLimitPerMinute ?? 100_000,
    ...(opts.storage ? { storage: opts.storage } : {}),
    ...(opts.logStream ? { logStream: opts.logStream } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    config,
    handle,
    db: handle.db,
    dialect: handle.dialect,
    dataDir,
    client: (o = {}) => new ApiClient(baseUrl, o.ip ?? randomIp(), o.lang),
    close: async () => {
      await app.close();
      if (database) {
        await database.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Runs the outbox until `done()` holds. On the shared PostgreSQL database another file's app may have
 * claimed our message a moment earlier, so this drains and re-checks for a bounded time.
 */
export async function drainUntil(
  t: TestApp,
  done: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await t.app.drainOutbox();
    if (await done()) return;
    if (Date.now() > until) throw new Error('outbox did not deliver in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
