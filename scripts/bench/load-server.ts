/**
 * The app for the mixed-load benchmark (load.ts), in a process of its own so the load generator does not
 * share its event loop: the normal buildApp on the benchmark's database, behind a "proxy" (TRUST_PROXY, so
 * each simulated user has its own address), logging off. argv: <dataDir> [databaseUrl]. Sends {type:'ready',port}.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/core/config.js';
import { openDatabase } from '../../src/server/db/index.js';

const [dataDir, databaseUrl] = process.argv.slice(2);
if (!dataDir || !process.send) throw new Error('load-server.ts is started by load.ts (fork)');
const config = loadConfig({
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'silent',
  TRUST_PROXY: '1',
  LOGIN_LIMIT_PER_MINUTE: '100000',
});
const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
const app = await buildApp({ config, database, outboxPollMs: 1000 });
await app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', (m: { type?: string }) => {
  if (m.type === 'stop')
    void (async () => {
      await app.close();
      await database.close();
      process.exit(0);
    })();
});
process.send({ type: 'ready', port: (app.server.address() as AddressInfo).port });
