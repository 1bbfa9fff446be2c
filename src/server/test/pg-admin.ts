import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the PostgreSQL server is; the database in the URL is only used to create and drop others. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database name no earlier or concurrent run uses: `bohou_test_<pid>_<random>`. */
export function freshDatabaseName(prefix = 'bohou_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string): string => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
  return databaseUrl(adminUrl, name);
}

/** Drops the database `name` and those named `<name>_…`, ending their connections first. */
export async function dropDatabases(adminUrl: string, name: string): Promise<string[]> {
  return withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')",
      [name],
    );
    for (const r of rows) {
      // A pool that has just ended may still be closing its sockets: give it a moment before
      // forcing, so no client of ours is killed mid-goodbye (an uncaught "terminating connection").
      for (let i = 0; i < 20; i++) {
        const { rows: live } = await c.query<{ n: string }>(
          'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
          [r.datname],
        );
        if (Number(live[0]?.n ?? 0) === 0) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${ident(r.datname)} WITH (FORCE)`);
    }
    return rows.map((r) => r.datname);
  });
}
