import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The room rule's messages for `code` as if it were the file at `file` (repo-relative). */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'gangway/rooms').map((m) => m.message);
}

describe('the room lint guards the borders inside main/', () => {
  it('fails a store file that imports the sync client', async () => {
    const messages = await layering('main/store/repos/example.ts', "import { mirrorAuditFromTables } from '../../sync/mirror';\nexport const f = mirrorAuditFromTables;\n");
    expect(messages).toEqual([expect.stringMatching(/main\/store\/ may not import from main\/sync/)]);
  });

  it('fails a store file that imports the API', async () => {
    const messages = await layering('main/store/example.ts', "import type { CoreContext } from '../api/context';\nexport type C = CoreContext;\n");
    expect(messages).toEqual([expect.stringMatching(/main\/store\/ may not import from main\/api/)]);
  });

  it('lets sync import the store, as it does to mirror rows into documents', async () => {
    expect(await layering('main/sync/example.ts', "import { findVessel } from '../store/repos/vessels';\nexport const f = findVessel;\n")).toEqual([]);
  });

  it('fails SQL in a handler, and passes a handler that calls a repo', async () => {
    const sql = await layering('main/api/handlers/example.ts', "export const h = (db: { prepare(s: string): unknown }) => db.prepare('SELECT 1 FROM audits');\n");
    expect(sql).toEqual([expect.stringMatching(/holds no SQL/)]);
    expect(await layering('main/api/handlers/example.ts', "import { auditExists } from '../../store/repos/audits';\nexport const h = auditExists;\n")).toEqual([]);
  });
});
