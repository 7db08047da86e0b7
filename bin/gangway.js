#!/usr/bin/env node
// `gangway …`: runs the CLI built ahead into dist-cli/ (bin/launch.js builds it when needed).
import { launch } from './launch.js';

const { main } = await launch('gangway');
process.exitCode = await main(process.argv.slice(2));
