import type { Command } from '../command';

/** Every `gangway` command; one file each in this folder. */
export const COMMANDS: Command[] = [];
