import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { HubStore } from '../../../hub/store';
import { auditDocName, readAuditDoc } from '../../../shared/sync';
import { DeviceProcess, HubProcess } from './processes';

type Dump = { findings: string[]; findingTitles: string[]; checklist: Record<string, string>; notes: string; rows: { findings: string[]; checklist: Record<string, string> } | null };

const Action = fc.oneof(
  fc.record({ t: fc.constant('edit' as const), dev: fc.integer({ min: 0, max: 1 }), kind: fc.constantFrom('finding', 'checklist', 'note') }),
  fc.record({ t: fc.constant('sync' as const), dev: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ t: fc.constant('dropMidSync' as const), dev: fc.integer({ min: 0, max: 1 }), afterMs: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ t: fc.constant('restartHubMidSync' as const), dev: fc.integer({ min: 0, max: 1 }), afterMs: fc.integer({ min: 0, max: 120 }) }),
  // From here on the device stays connected: its edits go out as they are made, until the process is killed.
  fc.record({ t: fc.constant('connect' as const), dev: fc.integer({ min: 0, max: 1 }) }),
);

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function world() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-sync-'));
  const hub = new HubProcess(path.join(dir, 'hub'));
  const devices = [new DeviceProcess(path.join(dir, 'a')), new DeviceProcess(path.join(dir, 'b'))];
  cleanup.push(async () => {
    for (const d of devices) await d.kill();
    await hub.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await Promise.all([hub.start(), ...devices.map((d) => d.start())]);
  const admin = new HubStore(hub.dataDir);
  for (const [i, d] of devices.entries()) {
    const code = createEnrolmentCode(admin, { role: 'inspector', agency: 'dof-songkhla', userName: `inspector ${i}` }, hub.url);
    await d.call('enrol', { hub: hub.url, code: code.code, name: `laptop ${i}` });
  }
  admin.close();
  return { hub, devices };
}

describe('two devices and a hub, each in its own process', () => {
  it('every replica converges and the hub log alone rebuilds the audit, whatever the order of edits, drops and hub restarts', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(Action, { minLength: 4, maxLength: 7 }), async (actions) => {
        run++;
        const { hub, devices } = await world();
        const { auditId } = await devices[0]!.call<{ auditId: string }>('create');
        expect((await devices[0]!.call<{ ok: boolean }>('sync')).ok).toBe(true);
        expect((await devices[1]!.call<{ ok: boolean }>('sync')).ok).toBe(true);
        let n = 0;
        for (const a of actions) {
          const dev = devices[a.dev]!;
          n++;
          if (a.t === 'edit') {
            if (a.kind === 'finding') await dev.call('finding', { auditId, title: `finding ${run}.${n} on ${a.dev}` });
            if (a.kind === 'checklist') await dev.call('checklist', { auditId, code: `c188.rest.${n % 3}`, result: a.dev === 0 ? 'compliant' : 'non_compliant' });
            if (a.kind === 'note') await dev.call('note', { auditId, text: `[${a.dev}:${n}]` });
          } else if (a.t === 'sync') {
            await dev.call('sync');
          } else if (a.t === 'connect') {
            await dev.call('connect');
          } else if (a.t === 'dropMidSync') {
            const sync = dev.call('sync').catch(() => null);
            await new Promise((r) => setTimeout(r, a.afterMs));
            await dev.kill();
            await sync;
            await dev.start();
          } else {
            const sync = dev.call('sync', { deadlineMs: 40_000 });
            await new Promise((r) => setTimeout(r, a.afterMs));
            await hub.restart();
            expect((await sync as { ok: boolean }).ok).toBe(true);
          }
        }
        for (const i of [0, 1, 0]) expect((await devices[i]!.call<{ ok: boolean }>('sync')).ok).toBe(true);
        const [da, db] = [await devices[0]!.call<Dump>('dump', { auditId }), await devices[1]!.call<Dump>('dump', { auditId })];
        expect(db.findings).toEqual(da.findings);
        expect(db.checklist).toEqual(da.checklist);
        expect(db.notes).toEqual(da.notes);
        // The tables agree with the merged document on both devices.
        for (const d of [da, db]) {
          expect(d.rows?.findings).toEqual(d.findings);
          expect(d.rows?.checklist).toEqual(d.checklist);
        }
        const edits = actions.filter((a) => a.t === 'edit');
        expect(da.findings.length).toBe(edits.filter((a) => a.kind === 'finding').length);
        await hub.kill();
        const store = new HubStore(hub.dataDir);
        const fromLog = new Y.Doc();
        Y.applyUpdate(fromLog, Y.mergeUpdates(store.logData(auditDocName(auditId))));
        const view = readAuditDoc(fromLog);
        expect(view.findings.map((f) => f.id).sort()).toEqual(da.findings);
        expect(view.notes).toEqual(da.notes);
        expect(Object.fromEntries(Object.entries(view.checklist).map(([k, v]) => [k, v.result]))).toEqual(da.checklist);
        expect(new Set(store.log(auditDocName(auditId)).map((l) => l.userName))).toEqual(
          new Set(['inspector 0', ...(edits.some((a) => a.dev === 1) ? ['inspector 1'] : [])]),
        );
        store.close();
        await cleanup.pop()!();
      }),
      { numRuns: 3, endOnFailure: true },
    );
  }, 300_000);
});
