/**
 * The servers of the hall benchmark, in a process of their own so the load generator (autocannon, in
 * the parent) does not share their event loop: the real app (buildApp, logging off) on the benchmark's
 * database, and a bare Fastify app whose route `/bare/:key` answers with a fixed JSON body (the captured
 * real response of each case, sent by the parent). Both listen on ephemeral loopback ports.
 *
 * Started by hall.ts with fork(); argv: <dataDir> [databaseUrl]. Messages: → {ports}, ← {fixtures}.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/core/config.js';
import { openDatabase } from '../../src/server/db/index.js';

export interface ServerReady {
  type: 'ready';
  appPort: number;
  barePort: number;
}
export interface FixturesMessage {
  type: 'fixtures';
  fixtures: Record<string, unknown>;
}
export interface StopMessage {
  type: 'stop';
}

const [dataDir, databaseUrl] = process.argv.slice(2);
if (!dataDir || !process.send) throw new Error('hall-server.ts is started by hall.ts (fork)');

const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
const app = await buildApp({ config, database });
await app.listen({ port: 0, host: '127.0.0.1' });

let fixtures: Record<string, unknown> = {};
const bare = Fastify({ logger: false });
bare.get<{ Params: { key: string } }>('/bare/:key', async (req, reply) => {
  const body = fixtures[req.params.key];
  if (body === undefined) return reply.status(404).send({ error: 'no fixture' });
  return body;
});
await bare.listen({ port: 0, host: '127.0.0.1' });

process.on('message', (m: FixturesMessage | StopMessage) => {
  if (m.type === 'fixtures') {
    fixtures = m.fixtures;
    process.send!({ type: 'fixtures-set' });
  } else if (m.type === 'stop') {
    void (async () => {
      await bare.close();
      await app.close();
      await database.close();
      process.exit(0);
    })();
  }
});

const ready: ServerReady = {
  type: 'ready',
  appPort: (app.server.address() as AddressInfo).port,
  barePort: (bare.server.address() as AddressInfo).port,
};
process.send(ready);
