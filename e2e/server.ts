/**
 * The server for the Playwright run: the normal start path (`src/server/main.ts`: migrations, initial
 * admin, API and dist/web, scheduler) on a fixed port, with a fresh SQLite database in a temp dir. The
 * specs read DATA_DIR/initial-admin.txt for the first system admin's password.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, E2E_ROOT, PORT } from './support/env.js';

fs.rmSync(E2E_ROOT, { recursive: true, force: true });
fs.mkdirSync(DATA_DIR, { recursive: true });
if (!fs.existsSync(path.resolve('dist/web/index.html'))) {
  console.error('e2e: dist/web is missing; run `npx vite build` first');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR,
    DATABASE_URL: '',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // Every browser and API login of the suite comes from 127.0.0.1: the default 20 a minute per address
    // would refuse the longer walks (the limiter itself is tested by the API tests).
    LOGIN_LIMIT_PER_MINUTE: '1000',
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
