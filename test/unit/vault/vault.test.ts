import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GangwayError } from '../../../shared/errors';
import { openStore } from '../../../main/store/database';
import { open, seal } from '../../../main/vault/envelope';
import { Vault } from '../../../main/vault/vault';
import { tempDir } from '../../support/tmp';
import crypto from 'node:crypto';

// Cheap scrypt for tests; the vault stores whichever parameters it was made with.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

function freshVault(clock?: () => number) {
  const store = openStore(tempDir('gangway-vault-'));
  return { store, vault: new Vault(store.db, { kdf: FAST, ...(clock ? { clock } : {}) }) };
}

async function rejection(p: Promise<unknown>): Promise<GangwayError> {
  try {
    await p;
  } catch (e) {
    return e as GangwayError;
  }
  throw new Error('expected a rejection');
}

describe('envelopes', () => {
  it('opens exactly what was sealed, for any bytes and any context', () => {
    const kek = crypto.randomBytes(32);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string(), (bytes, context) => {
        const env = seal(kek, Buffer.from(bytes), context);
        expect(open(kek, env, context).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never writes the same ciphertext twice for the same answer (a fresh key and nonce each time)', () => {
    const kek = crypto.randomBytes(32);
    expect(seal(kek, 'yes', 'answer:1:hit').equals(seal(kek, 'yes', 'answer:1:hit'))).toBe(false);
  });

  it('refuses an envelope moved to another row, or altered by one bit', () => {
    const kek = crypto.randomBytes(32);
    const env = seal(kek, 'the captain keeps my passport', 'answer:A:documents_holder');
    expect(() => open(kek, env, 'answer:B:documents_holder')).toThrow(/does not open/);
    fc.assert(
      fc.property(fc.nat({ max: env.length * 8 - 1 }), (bit) => {
        const bad = Buffer.from(env);
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expect(() => open(kek, bad, 'answer:A:documents_holder')).toThrow(GangwayError);
      }),
      { numRuns: 100 },
    );
  });
});

describe('vault', () => {
  it('answers a wrong passphrase with a clear error and stays locked', async () => {
    const { vault } = freshVault();
    await vault.create('correct horse battery staple');
    const sealed = vault.seal('Aung Ko', 'identity:x');
    vault.lock();
    const e = await rejection(vault.unlock('Correct horse battery staple'));
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.message).toMatch(/passphrase is wrong.*stays locked/);
    expect(vault.status().unlocked).toBe(false);
    expect(() => vault.open(sealed, 'identity:x')).toThrow(/vault is locked/);
    await vault.unlock('correct horse battery staple');
    expect(vault.open(sealed, 'identity:x').toString()).toBe('Aung Ko');
  });

  it('refuses a short passphrase and a second setup', async () => {
    const { vault } = freshVault();
    expect((await rejection(vault.create('short'))).code).toBe('VALIDATION');
    await vault.create('long enough passphrase');
    expect((await rejection(vault.create('another long passphrase'))).code).toBe('CONFLICT');
  });

  it('locks itself after the idle time, even if the laptop slept through the timer', async () => {
    let t = 1_000_000;
    const { vault } = freshVault(() => t);
    await vault.create('correct horse battery staple', 60);
    t += 59_000;
    vault.seal('still here', 'x'); // use restarts the countdown
    t += 59_000;
    expect(vault.status().unlocked).toBe(true);
    t += 2_000;
    expect(vault.status().unlocked).toBe(false);
    expect(() => vault.seal('too late', 'x')).toThrow(/locked/);
  });

  it('is unlocked by the same passphrase after the app restarts', async () => {
    const dir = tempDir('gangway-vault-');
    const s1 = openStore(dir);
    const v1 = new Vault(s1.db, { kdf: FAST });
    await v1.create('correct horse battery staple');
    const env = v1.seal('Ko Min', 'identity:y');
    v1.lock();
    s1.close();
    const s2 = openStore(dir);
    const v2 = new Vault(s2.db);
    expect(v2.status()).toEqual({ initialised: true, unlocked: false, idleLockSeconds: 300 });
    await v2.unlock('correct horse battery staple');
    expect(v2.open(env, 'identity:y').toString()).toBe('Ko Min');
    s2.close();
  });
});
