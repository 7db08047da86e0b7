import type { Command } from '../command';
import { serveCommand } from './serve';
import { voyageCommand } from './voyage';
import { wagesCommand } from './wages';

/** Every `gangway` command; one file each in this folder. */
export const COMMANDS: Command[] = [serveCommand, voyageCommand, wagesCommand];
