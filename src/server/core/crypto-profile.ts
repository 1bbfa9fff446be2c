import type { Db } from '../db/index.js';
import { nowIso } from '../db/index.js';
import { HASH_OF, type CryptoProfile } from './crypto.js';

const KEY = 'crypto_profile';

export class CryptoProfileError extends Error {}

/**
 * Binds the installation to one crypto profile at first start: the setting `crypto_profile` and the
 * audit chain's hash. A later start with another `CRYPTO_PROFILE` is refused (the audit chain, lookup
 * hashes and stored ciphertexts were made with the first one). A database whose chain was written before
 * profiles existed is an `intl` installation. Safe when several nodes start at once.
 */
export async function bindCryptoProfile(db: Db, wanted: CryptoProfile): Promise<CryptoProfile> {
  const bound = await readProfile(db);
  if (bound) return check(bound, wanted);
  await db.transaction().execute(async (trx) => {
    const head = await trx
      .selectFrom('audit_head')
      .select(['last_id', 'hash_alg'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    // An empty chain takes the wanted profile's hash; a chain already written keeps its own.
    const profile: CryptoProfile = head.last_id === 0 ? wanted : head.hash_alg === 'sm3' ? 'gm' : 'intl';
    if (head.last_id === 0)
      await trx
        .updateTable('audit_head')
        .set({ hash_alg: HASH_OF[profile] })
        .where('id', '=', 1)
        .where('last_id', '=', 0)
        .execute();
    await trx
      .insertInto('settings')
      .values({ key: KEY, value: profile, updated_at: nowIso(), updated_by: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
  return check((await readProfile(db)) ?? wanted, wanted);
}

async function readProfile(db: Db): Promise<CryptoProfile | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row?.value === 'gm' || row?.value === 'intl' ? row.value : undefined;
}

function check(bound: CryptoProfile, wanted: CryptoProfile): CryptoProfile {
  if (bound !== wanted)
    throw new CryptoProfileError(
      `CRYPTO_PROFILE=${wanted}: this database was installed with the "${bound}" profile (its audit chain, ` +
        `lookup hashes and encrypted fields use it); set CRYPTO_PROFILE=${bound}`,
    );
  return bound;
}
