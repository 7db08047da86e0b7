/**
 * One file import in its own process, for the kill -9 campaign
 * (resume-kill.test.ts): `node import-child.js DATA_DIR FILE MAX_ROWS`.
 * Prints GO when the import starts, then DONE with its result.
 */
import { IngestManager } from '../../../main/ingest/manager';
import { openStore } from '../../../main/store/database';

const [dataDir, file, maxRows] = process.argv.slice(2) as [string, string, string];
const store = openStore(dataDir);
const manager = new IngestManager(store, () => undefined, { maxRows: Number(maxRows) });
process.stdout.write('GO\n');
const started = Date.now();
manager
  .importFile(file)
  .then(async (r) => {
    await manager.shutdown();
    store.close();
    process.stdout.write(`DONE ${JSON.stringify({ ...r, ms: Date.now() - started })}\n`);
  })
  .catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  });
