import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../support/serve';

const I18N = path.join(REPO, 'renderer', 'i18n');

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
}

/** Mirrors renderer/i18n/index.ts: area files nest under their area, shell files at the top. */
function keys(lang: string): Set<string> {
  const out = new Set<string>();
  for (const file of fs.readdirSync(I18N)) {
    const m = /^([\w-]+)\.([\w-]+)\.json$/.exec(file);
    if (!m || m[2] !== lang) continue;
    const tree = JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8')) as Tree;
    const area = m[1]!;
    const body = area !== 'shell' && Object.keys(tree).length === 1 && area in tree ? (tree[area] as Tree) : tree;
    for (const k of flatten(body, area === 'shell' ? '' : `${area}.`)) out.add(k.replace(/_(one|other|zero|two|few|many)$/, ''));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('the UI strings', () => {
  it('exist in English for every literal key the renderer asks for', () => {
    const en = keys('en');
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(REPO, 'renderer'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        if (!en.has(m[1]!)) missing.push(`${path.relative(REPO, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('cover the whole shell in Thai', () => {
    const shellKeys = (lang: string) => {
      const tree = JSON.parse(fs.readFileSync(path.join(I18N, `shell.${lang}.json`), 'utf8')) as Tree;
      return flatten(tree).sort();
    };
    expect(shellKeys('th')).toEqual(shellKeys('en'));
  });
});
