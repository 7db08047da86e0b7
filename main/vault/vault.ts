import crypto from 'node:crypto';
import { GangwayError } from '../../shared/errors';
import type { Db } from '../store/database';
import { now } from '../store/repos/rows';
import { open, seal } from './envelope';

/**
 * The vault holds the key that opens every interview answer, identity and
 * recording. The key is derived from the user's passphrase with scrypt
 * (RFC 7914) and lives in memory only while the vault is unlocked; it is
 * wiped on lock, and the vault locks itself after a configurable idle time.
 */

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet (2023): scrypt N=2^17, r=8, p=1 — about 128 MiB and a fraction of a second. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
export const DEFAULT_IDLE_LOCK_SECONDS = 300;
/** NIST SP 800-63B §5.1.1.2 asks for at least 8 characters; a passphrase guarding testimony deserves more. */
export const MIN_PASSPHRASE = 10;
const CHECK_TEXT = 'gangway-vault-check-v1';

export interface VaultStatus {
  initialised: boolean;
  unlocked: boolean;
  idleLockSeconds: number;
}

export interface VaultOptions {
  /** Lower costs for tests; a new vault stores the params it was made with. */
  kdf?: KdfParams;
  /** Milliseconds since the epoch; injected by tests of the idle lock. */
  clock?: () => number;
}

interface VaultRow {
  salt: Buffer;
  cost_n: number;
  block_r: number;
  parallel_p: number;
  check_envelope: Buffer;
  idle_lock_seconds: number;
  wrapped_key: Buffer | null;
  failed_tries: number;
  next_try_at: number;
}

/** Wrong tries allowed before a wait; then the wait doubles from 2 s to at most 15 minutes. */
export const FREE_TRIES = 3;
export function delayAfter(failedTries: number): number {
  if (failedTries < FREE_TRIES) return 0;
  return Math.min(15 * 60_000, 2000 * 2 ** (failedTries - FREE_TRIES));
}

function derive(passphrase: string, salt: Buffer, k: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128·N·r bytes (Node's scrypt documentation).
    crypto.scrypt(passphrase.normalize('NFC'), salt, 32, { N: k.N, r: k.r, p: k.p, maxmem: 256 * k.N * k.r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export class Vault {
  private key: Buffer | undefined;
  private lastUsed = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly clock: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: VaultOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  private row(): VaultRow | undefined {
    return this.db.prepare('SELECT salt, cost_n, block_r, parallel_p, check_envelope, idle_lock_seconds, wrapped_key, failed_tries, next_try_at FROM vault WHERE id = 1').get() as VaultRow | undefined;
  }

  status(): VaultStatus {
    const row = this.row();
    this.expireIfIdle();
    return { initialised: row !== undefined, unlocked: this.key !== undefined, idleLockSeconds: row?.idle_lock_seconds ?? DEFAULT_IDLE_LOCK_SECONDS };
  }

  /** First use: choose the passphrase. Leaves the vault unlocked. */
  async create(passphrase: string, idleLockSeconds = DEFAULT_IDLE_LOCK_SECONDS): Promise<void> {
    if (this.row()) throw new GangwayError('CONFLICT', 'The vault already has a passphrase. Unlock it with that passphrase.');
    if (passphrase.length < MIN_PASSPHRASE) {
      throw new GangwayError('VALIDATION', `Choose a passphrase of at least ${MIN_PASSPHRASE} characters: it is the only thing protecting the crew's answers.`);
    }
    const kdf = this.options.kdf ?? DEFAULT_KDF;
    const salt = crypto.randomBytes(16);
    const key = await derive(passphrase, salt, kdf);
    const check = seal(key, CHECK_TEXT, 'vault-check');
    this.db
      .prepare('INSERT INTO vault (id, kdf, salt, cost_n, block_r, parallel_p, check_envelope, idle_lock_seconds, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('scrypt', salt, kdf.N, kdf.r, kdf.p, check, idleLockSeconds, now());
    this.hold(key);
  }

  async unlock(passphrase: string): Promise<void> {
    const key = await this.keyFor(passphrase);
    this.hold(key);
  }

  /**
   * The data key for `passphrase`, or a refusal. A wrong try is counted in
   * the store before the answer, and after FREE_TRIES each try must wait
   * longer (persisted: a restart does not reset it).
   */
  private async keyFor(passphrase: string): Promise<Buffer> {
    const row = this.row();
    if (!row) throw new GangwayError('NOT_FOUND', 'The vault has no passphrase yet. Set one first (vault setup).');
    const wait = row.next_try_at - this.clock();
    if (wait > 0) {
      throw new GangwayError('UNAUTHORIZED', `Too many wrong passphrases: wait ${Math.ceil(wait / 1000)} s before the next try. The vault stays locked; nothing was changed.`);
    }
    const derived = await derive(passphrase, row.salt, { N: row.cost_n, r: row.block_r, p: row.parallel_p });
    let key: Buffer | undefined;
    try {
      key = row.wrapped_key ? open(derived, row.wrapped_key, 'vault-data-key') : derived;
      if (open(key, row.check_envelope, 'vault-check').toString('utf8') !== CHECK_TEXT) key = undefined;
    } catch {
      key = undefined;
    }
    if (key !== derived) derived.fill(0);
    if (!key) {
      const failed = row.failed_tries + 1;
      this.db.prepare('UPDATE vault SET failed_tries = ?, next_try_at = ? WHERE id = 1').run(failed, this.clock() + delayAfter(failed));
      const next = delayAfter(failed);
      throw new GangwayError('UNAUTHORIZED', `That passphrase is wrong. The vault stays locked; nothing was changed. Check the keyboard language and Caps Lock, and try again${next ? ` in ${Math.ceil(next / 1000)} s` : ''}.`);
    }
    if (row.failed_tries > 0) this.db.prepare('UPDATE vault SET failed_tries = 0, next_try_at = 0 WHERE id = 1').run();
    return key;
  }

  /**
   * Changes the passphrase: the data key (the one every envelope is sealed
   * with) is wrapped under the new passphrase's key, and the salt, costs and
   * wrapped key are written in one UPDATE of one row, one transaction. A
   * crash (kill -9) before its commit leaves the old passphrase working,
   * after it the new one; never neither. Leaves the vault unlocked.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    if (next.length < MIN_PASSPHRASE) {
      throw new GangwayError('VALIDATION', `Choose a passphrase of at least ${MIN_PASSPHRASE} characters: it is the only thing protecting the crew's answers.`);
    }
    const key = await this.keyFor(current);
    const kdf = this.options.kdf ?? DEFAULT_KDF;
    const salt = crypto.randomBytes(16);
    const wrapping = await derive(next, salt, kdf);
    const wrapped = seal(wrapping, key, 'vault-data-key');
    wrapping.fill(0);
    this.db
      .prepare('UPDATE vault SET kdf = ?, salt = ?, cost_n = ?, block_r = ?, parallel_p = ?, wrapped_key = ?, failed_tries = 0, next_try_at = 0 WHERE id = 1')
      .run('scrypt', salt, kdf.N, kdf.r, kdf.p, wrapped);
    this.hold(key);
  }

  lock(): void {
    this.key?.fill(0);
    this.key = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  setIdleLock(seconds: number): void {
    if (!this.row()) throw new GangwayError('NOT_FOUND', 'The vault has no passphrase yet. Set one first (vault setup).');
    this.db.prepare('UPDATE vault SET idle_lock_seconds = ? WHERE id = 1').run(seconds);
    if (this.key) this.touch();
  }

  seal(plaintext: Buffer | string, context: string): Buffer {
    return seal(this.requireKey(), plaintext, context);
  }

  open(envelope: Uint8Array, context: string): Buffer {
    return open(this.requireKey(), envelope, context);
  }

  /**
   * A keyed, stable name for a row that must be found again without saying
   * what it holds (a "blind index"): HMAC-SHA-256 (RFC 2104) under a key
   * derived from the vault key with HKDF (RFC 5869). Without the passphrase
   * the name says nothing; with it, the same text always gives the same name.
   */
  blindIndex(text: string): string {
    const indexKey = Buffer.from(crypto.hkdfSync('sha256', this.requireKey(), Buffer.alloc(0), 'gangway-blind-index-v1', 32));
    try {
      return crypto.createHmac('sha256', indexKey).update(text, 'utf8').digest('hex');
    } finally {
      indexKey.fill(0);
    }
  }

  sealJson(value: unknown, context: string): Buffer {
    return this.seal(JSON.stringify(value), context);
  }

  openJson(envelope: Uint8Array, context: string): unknown {
    return JSON.parse(this.open(envelope, context).toString('utf8'));
  }

  private hold(key: Buffer): void {
    this.key?.fill(0);
    this.key = key;
    this.touch();
  }

  private idleMs(): number {
    return (this.row()?.idle_lock_seconds ?? DEFAULT_IDLE_LOCK_SECONDS) * 1000;
  }

  /** Each use of the key restarts the idle countdown. */
  private touch(): void {
    this.lastUsed = this.clock();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lock(), this.idleMs());
    this.timer.unref?.();
  }

  /** Timers do not run while a laptop sleeps: the clock is checked as well. */
  private expireIfIdle(): void {
    if (this.key && this.clock() - this.lastUsed >= this.idleMs()) this.lock();
  }

  private requireKey(): Buffer {
    this.expireIfIdle();
    if (!this.key) throw new GangwayError('LOCKED', 'The vault is locked. Unlock it with your passphrase to read or record interviews.');
    this.touch();
    return this.key;
  }
}

const vaults = new WeakMap<Db, Vault>();

/** One vault per open database, shared by every handler. */
export function vaultFor(db: Db, options?: VaultOptions): Vault {
  let v = vaults.get(db);
  if (!v) {
    v = new Vault(db, options);
    vaults.set(db, v);
  }
  return v;
}
