import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ensureInitialAdmin } from './bootstrap.js';
import { loadConfigOrExit } from './core/config.js';
import { bindCryptoProfile, CryptoProfileError } from './core/crypto-profile.js';
import { startScheduler } from './core/scheduler.js';
import { scheduledJobs } from './jobs.js';
import { openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrations/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = openDatabase(config);
  const applied = await migrateToLatest(database.db, database.dialect);
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  try {
    await bindCryptoProfile(database.db, config.cryptoProfile);
  } catch (err) {
    if (!(err instanceof CryptoProfileError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
  const admin = await ensureInitialAdmin(database, config.dataDir);
  if (admin) {
    console.log('\n  ========================================================');
    console.log('  博后通 first start — system administrator created');
    console.log(`  username: ${admin.username}`);
    console.log(`  password: ${admin.password}`);
    console.log(`  (also in ${path.join(config.dataDir, 'initial-admin.txt')}; change it at first login)`);
    console.log('  ========================================================\n');
  }
  const app = await buildApp({
    config,
    database,
    webRoot: path.resolve(here, '../../dist/web'),
    outboxPollMs: 2000,
  });
  const jobs = scheduledJobs(config, database.dialect).map((j) =>
    config.jobsEverySeconds ? { ...j, everyMs: config.jobsEverySeconds * 1000 } : j,
  );
  const stopScheduler = startScheduler(database.db, app.log, jobs);
  await app.listen({ port: config.port, host: config.host });
  console.log(`博后通 is running at http://localhost:${config.port} (database: ${database.dialect})`);
  const shutdown = async (): Promise<void> => {
    stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main();
