#!/usr/bin/env node
// The port hub's own process, started by `gangway hub` (main/ may not import hub/).
import { launch } from './launch.js';

await launch('hub');
