import type { Command } from '../command';
import { decodeCommand } from './decode';
import { formsCommand } from './forms';
import { hubCommand } from './hub';
import { serveCommand } from './serve';
import { voyageCommand } from './voyage';
import { wagesCommand } from './wages';

/** Every `gangway` command; one file each in this folder. */
export const COMMANDS: Command[] = [decodeCommand, hubCommand, serveCommand, formsCommand, voyageCommand, wagesCommand];
