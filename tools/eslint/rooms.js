// The rooms of Gangway and who may enter whom (DEVELOPERS.md, "Architecture").
// A custom rule, after VS Code's "layering" rule: it resolves every import to
// the file it names, so `../../main/store` is caught as surely as a package.
import path from 'node:path';
import { builtinModules } from 'node:module';

/** room -> rooms (folder prefixes, relative to the repo root) it may import */
export const ROOMS = {
  'shared/': ['shared/'],
  'native/': ['shared/', 'native/'],
  'main/electron/': ['shared/', 'native/', 'main/'],
  'main/': ['shared/', 'native/', 'main/'],
  'renderer/': ['shared/', 'renderer/'],
  // The hub reuses the device's store and serves the same API.
  'hub/': ['shared/', 'hub/', 'main/store/', 'main/api/', 'main/server/', 'main/sync/', 'main/evidence-log/', 'main/core', 'main/data-dir'],
};

/**
 * Borders inside a room: folder -> folders it may not import although its
 * room allows them. The store is beneath sync and the API: it reports row
 * changes through main/store/rowHooks.ts and never calls up.
 */
export const BORDERS = {
  'main/store/': ['main/sync/', 'main/api/'],
};

/** Folders whose code holds no SQL: handlers call repos and services, which own their tables. */
export const NO_SQL = ['main/api/handlers/'];
const SQL_CALLS = new Set(['prepare', 'exec', 'pragma']);

const NODE_ONLY = new Set(['better-sqlite3', 'serialport', '@serialport/parser-readline', '@serialport/bindings-cpp', 'node-ble', 'ws', 'exceljs', 'yauzl', '@hocuspocus/server', 'tsx']);
const builtins = new Set(builtinModules);

function roomOf(rel) {
  return Object.keys(ROOMS).find((room) => rel.startsWith(room));
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why `spec` may not be imported from `fromRel`, or null when it may. */
export function forbiddenReason(root, fromRel, spec) {
  const from = roomOf(fromRel);
  if (!from) return null;
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.relative(root, path.resolve(root, path.dirname(fromRel), spec)).split(path.sep).join('/');
    if (target.startsWith('..')) return null;
    const allowed = ROOMS[from];
    const inRoom = allowed.some((r) => (target + '/').startsWith(r));
    const targetRoom = roomOf(target + '/') ?? roomOf(target);
    if (targetRoom && !inRoom) return `${from} may not import from ${target} (allowed: ${allowed.join(', ')})`;
    const border = Object.keys(BORDERS).find((b) => fromRel.startsWith(b));
    const crossed = border && BORDERS[border].find((f) => (target + '/').startsWith(f));
    if (crossed) return `${border} may not import from ${crossed} (it sits beneath it: report changes through main/store/rowHooks.ts)`;
    return null;
  }
  const pkg = packageName(spec);
  if (pkg === 'electron' && from !== 'main/electron/') return 'only main/electron/ may import electron';
  const isBuiltin = spec.startsWith('node:') || builtins.has(pkg);
  if ((from === 'shared/' || from === 'renderer/') && (isBuiltin || NODE_ONLY.has(pkg))) {
    return `${from} is ${from === 'shared/' ? 'pure (no I/O)' : 'the browser'}: it may not import the Node module ${spec}`;
  }
  return null;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'Keep imports inside the rooms table of DEVELOPERS.md' }, schema: [] },
  create(context) {
    const root = context.cwd ?? process.cwd();
    const rel = path.relative(root, context.filename ?? context.getFilename()).split(path.sep).join('/');
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const reason = forbiddenReason(root, rel, source.value);
      if (reason) context.report({ node: source, message: `Bad layering: ${reason}.` });
    }
    const noSql = NO_SQL.some((f) => rel.startsWith(f));
    return {
      MemberExpression: (n) => {
        if (noSql && n.property.type === 'Identifier' && SQL_CALLS.has(n.property.name) && n.parent?.type === 'CallExpression' && n.parent.callee === n) {
          context.report({ node: n.property, message: `Bad layering: ${rel} holds no SQL (db.${n.property.name}); call the repo or service that owns the table.` });
        }
      },
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n, n.arguments[0]);
      },
    };
  },
};

export default { rules: { rooms: rule } };
