/**
 * Verifies the audit hash chain of the configured database (DATA_DIR / DATABASE_URL, as the server).
 * Exit 0 when every record verifies, 1 when the chain is broken (and says where).
 */
import { verifyAuditChain } from '../src/server/core/audit.js';
import { openForCli } from './cli.js';

const { database } = await openForCli();
const report = await verifyAuditChain(database.db);
await database.close();
if (report.ok) {
  console.log(`Audit chain OK: ${report.checked} records verified.`);
} else {
  console.error(
    `Audit chain BROKEN at record ${report.brokenAt} (${report.reason}); ${report.checked} records verified before it.`,
  );
  process.exit(1);
}
