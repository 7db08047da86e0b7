import path from 'node:path';
import { parseArgs } from 'node:util';
import { GangwayError } from '../shared/errors';
import { Agency, Role } from '../shared/sync';
import { hubUsage } from '../shared/sync/hubUsage';

const options = {
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  role: { type: 'string' },
  agency: { type: 'string' },
  user: { type: 'string' },
  url: { type: 'string' },
  doc: { type: 'string' },
  'ui-port': { type: 'string' },
  'no-ui': { type: 'boolean' },
  by: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  programme: { type: 'string' },
  tsa: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
} as const;

export interface HubCliIo {
  out(text: string): void;
  err(text: string): void;
}

/** `gangway hub …`: run by hub/main.ts, the process main/cli/commands/hub.ts starts (main/ may not import hub/). */
export async function runHubCli(args: string[], io: HubCliIo): Promise<number> {
  {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    const dataDir = path.resolve(values.data ?? process.env['GANGWAY_HUB_DATA'] ?? 'gangway-hub-data');
    const [sub, ...rest] = positionals;
    const { HubStore } = await import('./store');
    if (sub === 'code') {
      const role = Role.safeParse(values.role);
      if (!role.success) throw new GangwayError('VALIDATION', `--role must be one of ${Role.options.join(', ')}.`);
      if (!values.agency || !values.user) throw new GangwayError('VALIDATION', 'Say whose device this is: --agency AGENCY --user NAME.');
      const { createEnrolmentCode, qrForTerminal } = await import('./enrolment');
      const store = new HubStore(dataDir);
      try {
        const url = values.url ?? `ws://${values.host ?? 'localhost'}:${values.port ?? '1234'}`;
        const code = createEnrolmentCode(store, { role: role.data, agency: values.agency, userName: values.user }, url);
        io.out(await qrForTerminal(code.link));
        io.out(`Enrolment code: ${code.code}\nFor: ${code.userName} (${code.role}, ${code.agency})\nHub: ${url}\nValid until: ${code.expiresAt}`);
      } finally {
        store.close();
      }
      return 0;
    }
    if (sub === 'devices' || sub === 'revoke') {
      const { listDevices, revokeDevice } = await import('./enrolment');
      const store = new HubStore(dataDir);
      try {
        if (sub === 'revoke') {
          if (!rest[0]) throw new GangwayError('VALIDATION', 'Name the device to revoke: gangway hub revoke DEVICE_ID (see gangway hub devices).');
          const d = revokeDevice(store, rest[0]);
          io.out(`Revoked ${d.id} (${d.name}, ${d.userName}). Its next message to the hub is refused.`);
          return 0;
        }
        for (const d of listDevices(store)) io.out(`${d.id}  ${d.role.padEnd(14)} ${d.agency.padEnd(16)} ${d.userName} — ${d.name}${d.revokedAt ? `  REVOKED ${d.revokedAt}` : ''}`);
      } finally {
        store.close();
      }
      return 0;
    }
    if (sub === 'results') {
      const { printResults } = await import('./resultsCli');
      const store = new HubStore(dataDir);
      try {
        printResults(store, values, io);
      } finally {
        store.close();
      }
      return 0;
    }
    if (sub === 'forks') {
      const { Witness } = await import('./witness');
      const store = new HubStore(dataDir);
      try {
        const forks = new Witness(store).forks();
        if (values.json) io.out(JSON.stringify(forks));
        else if (forks.length === 0) io.out('No device has shown an evidence log that does not extend what this hub witnessed.');
        else for (const f of forks) io.out(`${f.reportedAt}  device ${f.deviceId}  log ${f.origin}  cosigned size ${f.knownSize}: ${f.reason}`);
      } finally {
        store.close();
      }
      return 0;
    }
    if (sub === 'log') {
      const store = new HubStore(dataDir);
      try {
        for (const l of store.log(values.doc)) io.out(`${l.seq}\t${l.receivedAt}\t${l.doc}\t${l.userName}\t${l.deviceId}\t${l.bytes} B`);
      } finally {
        store.close();
      }
      return 0;
    }
    if (sub !== undefined) throw new GangwayError('VALIDATION', `gangway hub has no subcommand "${sub}".\n\n${hubUsage}`);
    const port = values.port === undefined ? 1234 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GangwayError('VALIDATION', `--port must be a number from 0 to 65535, not "${values.port}".`);
    const { startHub } = await import('./server');
    const log = (line: string) => io.err(`${new Date().toISOString()} ${line}`);
    const hub = await startHub({ dataDir, port, ...(values.host ? { host: values.host } : {}), ...(values.tsa ? { tsaUrl: values.tsa } : {}), log });
    io.out(`Gangway hub on port ${hub.port}, data in ${dataDir}\nDevices enrol with: gangway hub code --role ROLE --agency AGENCY --user NAME --data ${dataDir}`);
    let office: { close(): Promise<void> } | undefined;
    if (!values['no-ui']) {
      const uiPort = values['ui-port'] === undefined ? (port === 0 ? 0 : port + 1) : Number(values['ui-port']);
      if (!Number.isInteger(uiPort) || uiPort < 0 || uiPort > 65535) throw new GangwayError('VALIDATION', `--ui-port must be a number from 0 to 65535, not "${values['ui-port']}".`);
      const agency = Agency.safeParse(values.agency ?? 'port-authority');
      if (!agency.success) throw new GangwayError('VALIDATION', `--agency: ${agency.error.issues[0]?.message ?? 'not a valid agency name'}, not "${values.agency}".`);
      const { startOffice } = await import('./office');
      const started = await startOffice({ hubStore: hub.store, hubDataDir: dataDir, hubPort: hub.port, host: values.host ?? '0.0.0.0', port: uiPort, agency: agency.data, log });
      office = started;
      io.out(`Port office UI: ${started.server.browserUrl}\n(on another machine of the port network, use this machine's address instead of ${new URL(started.server.url).hostname})`);
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await office?.close();
    await hub.close();
    log('hub stopped');
    return 0;
  }
}
