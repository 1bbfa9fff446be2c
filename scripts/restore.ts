/**
 * `npm run restore -- --in DIR`: restores a backup into the configured database, which must be new (no
 * accounts), then checks every table, file and the audit chain against the backup. Exit 0 when everything
 * matches, 1 on a mismatch, 2 when the restore was refused.
 */
import path from 'node:path';
import { createStorage } from '../src/server/core/storage.js';
import { RestoreError, restoreBackup } from '../src/server/ops/backup/restore.js';
import { openForCli } from './cli.js';

const i = process.argv.indexOf('--in');
if (i < 0 || !process.argv[i + 1]) {
  console.error('usage: npm run restore -- --in <backup directory>');
  process.exit(2);
}
const { config, database } = await openForCli();
try {
  const r = await restoreBackup(
    database,
    createStorage(config),
    config.dataDir,
    path.resolve(process.argv[i + 1]!),
  );
  console.log(
    `Restored ${r.rows} rows in ${r.tables} tables and ${r.files} files; audit chain: ${r.chain.ok ? `${r.chain.checked} records verified` : 'BROKEN'}.`,
  );
  for (const m of r.mismatches) console.error(`MISMATCH ${m}`);
  process.exitCode = r.mismatches.length ? 1 : 0;
} catch (err) {
  if (!(err instanceof RestoreError)) throw err;
  console.error(`Restore refused: ${err.message}`);
  process.exitCode = 2;
} finally {
  await database.close();
}
