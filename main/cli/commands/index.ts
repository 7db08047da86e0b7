import type { Command } from '../command';

/** One line of `gangway --help`; `load` brings in the command's code only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every `gangway` command; one file each in this folder. */
export const COMMANDS: CommandEntry[] = [
  { name: 'decode', summary: "Print the AIS messages in an NMEA log as gpsd's JSON", load: async () => (await import('./decode')).decodeCommand },
  { name: 'hub', summary: 'Run the port sync hub, or manage its enrolment codes and devices', load: async () => (await import('./hub')).hubCommand },
  { name: 'serve', summary: 'Serve the Gangway UI and API to a browser on this machine', load: async () => (await import('./serve')).serveCommand },
  { name: 'evidence', summary: "Export an audit's evidence bundle, or verify one offline", load: async () => (await import('./evidence')).evidenceCommand },
  { name: 'forms', summary: 'Import an XLSForm questionnaire (gangway forms import FILE.xlsx)', load: async () => (await import('./forms')).formsCommand },
  { name: 'voyage', summary: 'Port visits, voyages, AIS gaps and encounters in NMEA/AIS logs', load: async () => (await import('./voyage')).voyageCommand },
  {
    name: 'wages',
    summary: 'Check wage records (statements, payroll, contracts) against contracts and the legal floor',
    load: async () => (await import('./wages')).wagesCommand,
  },
];
