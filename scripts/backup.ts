/**
 * `npm run backup -- [--out DIR]`: a consistent backup of the configured database (DATABASE_URL or the SQLite
 * file in DATA_DIR), the file store and the encryption key, into DIR (default DATA_DIR/backups/<UTC time>).
 */
import path from 'node:path';
import { createStorage } from '../src/server/core/storage.js';
import { createBackup } from '../src/server/ops/backup/backup.js';
import { openForCli } from './cli.js';

const { config, database } = await openForCli();
const i = process.argv.indexOf('--out');
const out =
  i > 0 && process.argv[i + 1]
    ? path.resolve(process.argv[i + 1]!)
    : path.join(config.dataDir, 'backups', new Date().toISOString().replace(/[:.]/g, '-'));
const m = await createBackup(database, createStorage(config), config.dataDir, out);
const rows = m.tables.reduce((n, t) => n + t.rows, 0);
console.log(
  `Backup written to ${out}: ${m.tables.length} tables, ${rows} rows, ${m.files.length} files (${m.engine}, ${m.lastMigration}).`,
);
console.log(
  m.hasSecretKey ? 'It contains secret.key: store it as safely as the database.' : 'No secret.key was found.',
);
await database.close();
