import os from 'node:os';
import path from 'node:path';

/** Where the e2e server listens; fixed so the config, the server and the specs agree. */
export const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Everything one e2e run writes: the SQLite data dir and the state shared between specs. */
export const E2E_ROOT = path.join(os.tmpdir(), `bohou-e2e-${PORT}`);
export const DATA_DIR = path.join(E2E_ROOT, 'data');
export const STATE_FILE = path.join(E2E_ROOT, 'state.json');

/** The password every e2e account ends up with after its first-login change. */
export const E2E_PASSWORD = 'E2e-Passw0rd!';
