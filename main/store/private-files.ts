import fs from 'node:fs';
import path from 'node:path';

/**
 * A data folder holds evidence about people: on POSIX only its owner may enter
 * it or read what it holds (0700 folders, 0600 files), whatever the umask.
 * Windows keeps the profile's ACLs, which are already per-user.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const POSIX = process.platform !== 'win32';

/** mkdir -p whose new folders only the owner may enter. */
export function mkdirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Makes an existing file owner-only (a copy SQLite wrote with its default 0644, say). */
export function chmodPrivate(file: string): void {
  if (POSIX) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Checked at every start: every folder and file under `dataDir` (not following
 * links) that others may read or enter is made owner-only. What cannot be
 * changed (owned by another user) comes back as a sentence to log.
 */
export function tightenDataDir(dataDir: string): string[] {
  if (!POSIX) return [];
  const warnings: string[] = [];
  const visit = (p: string, isDir: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return; // gone meanwhile (a temporary file renamed)
    }
    if (st.isSymbolicLink()) return;
    const want = isDir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((st.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(p, want);
      } catch {
        warnings.push(`${p} can be read by other users of this computer and Gangway could not change that. Run: chmod ${want.toString(8)} "${p}"`);
      }
    }
    if (isDir) {
      let entries: fs.Dirent[] = [];
      try {
        entries = fs.readdirSync(p, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) if (e.isDirectory() || e.isFile()) visit(path.join(p, e.name), e.isDirectory());
    }
  };
  visit(dataDir, true);
  return warnings;
}
