import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * SQLite transactions that take the write lock when they begin (`BEGIN IMMEDIATE`). With a plain
 * (deferred) `BEGIN`, a transaction that read first and then writes fails at once with SQLITE_BUSY when
 * another process committed in between — busy_timeout does not apply to that upgrade — so two app
 * processes sharing one file answered a concurrent decision with 500 instead of one 409. Immediate
 * transactions wait (busy_timeout) and then see the other's commit, so compare-and-set works across
 * processes. Within one process nothing changes: Kysely already runs one transaction at a time.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(cfg);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}
