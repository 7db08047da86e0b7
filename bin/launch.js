// Starts a program built by tools/build-cli.mjs, building it first on the first
// run or when a source file changed since the last build.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, isBuildFresh, outDir } from '../tools/build-cli.mjs';

/** Imports dist-cli/<name>.js, (re)building dist-cli/ first when it is missing or older than its sources. */
export async function launch(name) {
  const program = path.join(outDir, `${name}.js`);
  if (!isBuildFresh()) {
    try {
      await buildCli();
    } catch (e) {
      if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e; // a source that does not compile: esbuild has said where
      // Without esbuild (an install that left out the dev tools) an existing build still runs.
      if (!fs.existsSync(program)) {
        process.stderr.write('gangway: the command line is not built and esbuild is missing. Run `npm install` in the Gangway folder, then try again.\n');
        process.exit(70);
      }
    }
  }
  return import(pathToFileURL(program).href);
}
