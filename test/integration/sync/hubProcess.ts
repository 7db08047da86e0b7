import { startHub } from '../../../hub/server';

/** A port hub in its own process, for the sync tests: `node --import tsx hubProcess.ts DATA PORT`. */
const [dataDir, port] = process.argv.slice(2);
const hub = await startHub({ dataDir: dataDir!, port: Number(port ?? 0), host: '127.0.0.1', log: (l) => process.stderr.write(l + '\n') });
process.stdout.write(`READY ${hub.port}\n`);
const stop = () => void hub.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
