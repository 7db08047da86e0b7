import type { Migration } from './types';

/**
 * Schema v7: the vault's data key can be wrapped under the passphrase's key
 * (`wrapped_key`, NULL while the data key is the passphrase's key itself, as
 * every vault made before), so a passphrase change rewrites one row instead
 * of every envelope. Wrong tries are counted and the next allowed try is kept
 * here, so restarting Gangway does not reset the delay.
 */
export const migration: Migration = {
  version: 7,
  name: 'vault-rewrap',
  up(db) {
    db.exec(`ALTER TABLE vault ADD COLUMN wrapped_key BLOB;
      ALTER TABLE vault ADD COLUMN failed_tries INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE vault ADD COLUMN next_try_at INTEGER NOT NULL DEFAULT 0;`);
  },
};
