import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/database';
import { delayAfter, FREE_TRIES, Vault } from '../../../main/vault/vault';
import { REPO } from '../../support/serve';
import { tempDir } from '../../support/tmp';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const OLD = 'correct horse battery';
const NEW = 'staple of the port office';

async function works(dir: string, passphrase: string): Promise<boolean> {
  const store = openStore(dir);
  try {
    await new Vault(store.db, { kdf: FAST }).unlock(passphrase);
    return true;
  } catch {
    return false;
  } finally {
    store.close();
  }
}

describe('changing the vault passphrase', () => {
  it('the new passphrase opens what the old one sealed; the old one no longer unlocks', async () => {
    const dir = tempDir('gangway-vault-');
    const store = openStore(dir);
    const vault = new Vault(store.db, { kdf: FAST });
    await vault.create(OLD);
    const sealed = vault.seal('Ko Aung, passport MA1234567', 'identity');
    await expect(vault.changePassphrase('not the passphrase', NEW)).rejects.toThrow(/wrong/);
    await vault.changePassphrase(OLD, NEW);
    vault.lock();
    await expect(vault.unlock(OLD)).rejects.toThrow(/wrong/);
    await vault.unlock(NEW);
    expect(vault.open(sealed, 'identity').toString()).toBe('Ko Aung, passport MA1234567');
    // And again: a second change re-wraps the same data key.
    await vault.changePassphrase(NEW, OLD);
    vault.lock();
    await vault.unlock(OLD);
    expect(vault.open(sealed, 'identity').toString()).toBe('Ko Aung, passport MA1234567');
    store.close();
  });

  it('a kill -9 during the change leaves the old or the new passphrase working, never neither', async () => {
    const dir = tempDir('gangway-vault-');
    const store = openStore(dir);
    await new Vault(store.db, { kdf: FAST }).create(OLD);
    store.close();
    const script = `import { openStore } from './main/store/database.ts';
      import { Vault } from './main/vault/vault.ts';
      const store = openStore(process.argv[1]);
      const vault = new Vault(store.db, { kdf: { N: 2 ** 10, r: 8, p: 1 } });
      const [a, b] = [${JSON.stringify(OLD)}, ${JSON.stringify(NEW)}];
      process.stdout.write('ready\\n');
      for (let i = 0; ; i++) await vault.changePassphrase(i % 2 ? b : a, i % 2 ? a : b).catch(() => vault.changePassphrase(i % 2 ? a : b, i % 2 ? b : a));`;
    for (const afterMs of [0, 7, 23, 61]) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { cwd: REPO });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, afterMs));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const [oldWorks, newWorks] = [await works(dir, OLD), await works(dir, NEW)];
      expect(oldWorks !== newWorks, `after ${afterMs} ms: old ${oldWorks}, new ${newWorks}`).toBe(true);
    }
  }, 60_000);
});

describe('wrong passphrases', () => {
  it('after a few wrong tries each try must wait longer, and restarting Gangway does not reset the wait', async () => {
    const dir = tempDir('gangway-vault-');
    let t = 1_000_000;
    const clock = () => t;
    let store = openStore(dir);
    let vault = new Vault(store.db, { kdf: FAST, clock });
    await vault.create(OLD);
    vault.lock();
    for (let i = 0; i < FREE_TRIES; i++) await expect(vault.unlock('guess number ' + i)).rejects.toThrow(/wrong/);
    // After FREE_TRIES wrong tries even the right passphrase must wait.
    await expect(vault.unlock(OLD)).rejects.toThrow(/wait \d+ s/);
    t += delayAfter(FREE_TRIES);
    await expect(vault.unlock('another guess')).rejects.toThrow(/wrong.*try again in 4 s/);

    // A restart (new process, new Vault) keeps the wait.
    store.close();
    store = openStore(dir);
    vault = new Vault(store.db, { kdf: FAST, clock });
    await expect(vault.unlock(OLD)).rejects.toThrow(/wait 4 s/);
    t += 4000;
    await vault.unlock(OLD);
    vault.lock();
    // A right passphrase clears the count.
    await expect(vault.unlock('one more guess')).rejects.toThrow(/wrong/);
    await vault.unlock(OLD);
    store.close();
  });

  it('the wait grows and stops growing at 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5].map(delayAfter)).toEqual([0, 0, 0, 2000, 4000, 8000]);
    expect(delayAfter(40)).toBe(15 * 60_000);
  });
});
