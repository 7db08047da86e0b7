// Vitest globalSetup: builds dist-cli/ once before the tests that spawn `gangway`,
// so parallel test files do not each rebuild it (bin/launch.js would, on a stale build).
import { buildCli, isBuildFresh } from './build-cli.mjs';

export default async function setup() {
  if (!isBuildFresh()) await buildCli();
}
