import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { startHub, type RunningHub } from '../../../hub/server';
import type { CoreContext } from '../../../main/api/context';
import { dispatch } from '../../../main/api/dispatch';
import { syncHandlers } from '../../../main/api/handlers/sync';
import { openDeviceStore } from '../../../main/device-store';
import { type Store } from '../../../main/store/database';
import * as ops from '../../integration/sync/deviceOps';
import { createSyncService } from '../../../main/sync/service';

let dir: string;
let hub: RunningHub;
let store: Store;
let ctx: CoreContext;
const events: { event: string; payload: unknown }[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-sync-api-'));
  hub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1' });
  store = openDeviceStore(path.join(dir, 'device'));
  const emit: CoreContext['emit'] = (event, payload) => events.push({ event, payload });
  ctx = { store, shell: 'test', emit, sync: createSyncService(store, emit) };
});
afterEach(async () => {
  await dispatch(syncHandlers, ctx, 'sync.stop', {});
  store.close();
  await hub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the sync API', () => {
  it('enrols with a code, syncs, and reports each document on the hub; a wrong code says what to do', async () => {
    const { auditId } = ops.createVesselAndAudit(store.db);
    const wrong = await dispatch(syncHandlers, ctx, 'sync.enrol', { hub: hub.url, code: 'AAAA-BBBB-CCCC' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/not known to this hub/) } });
    const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof', userName: 'K. Somchai' }, hub.url);
    const enrolled = await dispatch(syncHandlers, ctx, 'sync.enrol', { hub: hub.url.replace('ws://', ''), code: code.code });
    expect(enrolled).toMatchObject({ ok: true, value: { enrolled: true, role: 'inspector', agency: 'dof' } });
    await dispatch(syncHandlers, ctx, 'sync.stop', {});
    const round = await dispatch(syncHandlers, ctx, 'sync.now', {});
    expect(round.ok).toBe(true);
    const status = await dispatch(syncHandlers, ctx, 'sync.status', {});
    const docs = (status as { value: { documents: { name: string; state: string }[] } }).value.documents;
    expect(docs.find((d) => d.name === `audit:${auditId}`)?.state).toBe('synced');
    expect(docs.every((d) => d.state === 'synced')).toBe(true);
    expect(events.some((e) => e.event === 'progress' && (e.payload as { task: string }).task === 'sync')).toBe(true);
    expect(hub.store.log(`audit:${auditId}`)[0]?.userName).toBe('K. Somchai');
  });

  it('resetting a document this device does not have is a clear NOT_FOUND', async () => {
    const answer = await dispatch(syncHandlers, ctx, 'sync.resetDocument', { name: 'audit:0b8f7a52-6c1e-4a3b-9d0e-3f2a1b4c5d6e' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
