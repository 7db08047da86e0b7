import readline from 'node:readline';
import { enrolDevice, signDeviceToken } from '../../../main/sync/device';
import { SyncClient } from '../../../main/sync/client';
import * as ops from './deviceOps';

/**
 * A device in its own process, for the sync tests:
 * `node --import tsx deviceProcess.ts DATA`, then one JSON command per stdin
 * line ({id, cmd, args}); each answer is one JSON line ({id, out} or {id, error}).
 */
const [dataDir] = process.argv.slice(2);
const store = ops.openDevice(dataDir!);
const db = store.db;
/** The client as the app runs it (started): open documents send edits as they are made. */
let live: SyncClient | null = null;

async function run(cmd: string, args: Record<string, string>): Promise<unknown> {
  switch (cmd) {
    case 'enrol':
      return enrolDevice(db, args['hub']!, args['code']!, args['name'] ?? 'test laptop');
    case 'create':
      return ops.createVesselAndAudit(db, args['name']);
    case 'finding':
      return { id: ops.addFindingMirrored(db, args['auditId']!, args['title']!) };
    case 'checklist':
      ops.setChecklistMirrored(db, args['auditId']!, args['code']!, args['result'] as 'compliant');
      return { ok: true };
    case 'note':
      ops.appendNote(db, args['auditId']!, args['text']!);
      return { ok: true };
    case 'token':
      return { token: await signDeviceToken(db, Number(args['lifetimeS'] ?? 300)) };
    case 'sync': {
      // Retries until a round completes or the deadline passes: this is how a device resumes.
      const client = new SyncClient({ db, dataDir: dataDir!, docTimeoutMs: Number(args['docTimeoutMs'] ?? 8000) });
      const deadline = Date.now() + Number(args['deadlineMs'] ?? 30_000);
      try {
        for (;;) {
          try {
            return { ok: true, round: await client.syncNow() };
          } catch (e) {
            if (Date.now() > deadline) return { ok: false, error: (e as Error).message, status: client.status() };
            await new Promise((r) => setTimeout(r, 300));
          }
        }
      } finally {
        await client.stop();
      }
    }
    case 'connect': {
      live ??= new SyncClient({ db, dataDir: dataDir!, docTimeoutMs: 8000 });
      live.start();
      // The first round may fail (a hub restarting): the started client retries on its own.
      await live.syncNow().catch(() => null);
      return { ok: true, open: live.openDocuments().length };
    }
    case 'status':
      return new SyncClient({ db, dataDir: dataDir! }).status();
    case 'dump':
      return ops.dumpAudit(db, args['auditId']!);
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const { id, cmd, args } = JSON.parse(line) as { id: number; cmd: string; args?: Record<string, string> };
  run(cmd, args ?? {}).then(
    (out) => process.stdout.write(JSON.stringify({ id, out }) + '\n'),
    (e: Error) => process.stdout.write(JSON.stringify({ id, error: e.message }) + '\n'),
  );
});
rl.on('close', () => {
  void (live?.stop() ?? Promise.resolve()).then(() => {
    store.close();
    process.exit(0);
  });
});
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
