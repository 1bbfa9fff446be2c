import fs from 'node:fs/promises';
import path from 'node:path';
import { appendAudit } from './core/audit.js';
import type { DbHandle } from './db/index.js';
import { generatePassword, hashPassword } from './modules/accounts/password.js';
import { insertUser } from './modules/accounts/insert-user.js';
import { isUniqueViolation } from './core/http/error-handler.js';

export const INITIAL_ADMIN = 'sysadmin';

/**
 * First start: when no system admin exists, create one with a random password, print it once and
 * write it to DATA_DIR/initial-admin.txt. The admin must change it at first login.
 */
export async function ensureInitialAdmin(
  handle: DbHandle,
  dataDir: string,
): Promise<{ username: string; password: string } | null> {
  const { db } = handle;
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'sys_admin')
    .executeTakeFirst();
  if (existing) return null;
  const password = generatePassword(16);
  try {
    await createAdmin(handle, password);
  } catch (err) {
    // Another node starting at the same moment created it first.
    if (isUniqueViolation(err)) return null;
    throw err;
  }
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(
    path.join(dataDir, 'initial-admin.txt'),
    `博后通 initial system administrator\nusername: ${INITIAL_ADMIN}\npassword: ${password}\nChange it at first login.\n`,
    { mode: 0o600 },
  );
  return { username: INITIAL_ADMIN, password };
}

async function createAdmin({ db, dialect }: DbHandle, password: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = {
      id: await insertUser(trx, {
        username: INITIAL_ADMIN,
        passwordHash: await hashPassword(password),
        role: 'sys_admin',
        displayName: '系统管理员',
        mustChangePassword: true,
      }),
    };
    await appendAudit(trx, dialect, {
      actorId: null,
      actorName: 'system',
      actorRole: 'system',
      ip: '127.0.0.1',
      action: 'account.created',
      entityType: 'account',
      entityId: row.id,
      after: { username: INITIAL_ADMIN, role: 'sys_admin' },
    });
  });
}
