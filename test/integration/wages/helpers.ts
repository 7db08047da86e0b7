import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDeviceStore } from '../../../main/device-store';
import { type Store } from '../../../main/store/database';
import { CREW, VESSEL } from '../../fixtures/wages/scenario';

/** A fresh store in a temporary folder, with the scenario's vessel and its 20 crew members (by pseudonym). */
export function scenarioStore(): { store: Store; vesselId: string; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-wages-'));
  const store = openDeviceStore(dir);
  const vesselId = crypto.randomUUID();
  const at = new Date().toISOString();
  store.db.prepare('INSERT INTO vessels (id, name, flag, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(vesselId, VESSEL, 'THA', at, at);
  const crew = store.db.prepare("INSERT INTO crew_members (id, vessel_id, pseudonym, role, created_at) VALUES (?, ?, ?, 'fisher', ?)");
  for (const c of CREW) crew.run(crypto.randomUUID(), vesselId, c, at);
  return {
    store,
    vesselId,
    dir,
    cleanup: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
