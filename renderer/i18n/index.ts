import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Tree = Record<string, unknown>;

/**
 * Every renderer/i18n/<area>.<lang>.json file, merged under its area:
 * `vessels.en.json` gives the keys `vessels.*` in English. The shell's own
 * strings (shell.<lang>.json) sit at the top level.
 */
const files = import.meta.glob<Tree>('./*.json', { eager: true, import: 'default' });

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'th', name: 'ไทย' },
] as const;

function buildResources(): Record<string, { translation: Tree }> {
  const resources: Record<string, { translation: Tree }> = {};
  for (const [file, tree] of Object.entries(files)) {
    const m = /\.\/([\w-]+)\.([\w-]+)\.json$/.exec(file);
    if (!m) continue;
    const [, area, lang] = m as unknown as [string, string, string];
    const target = (resources[lang] ??= { translation: {} }).translation;
    if (area === 'shell') Object.assign(target, tree);
    else target[area] = Object.keys(tree).length === 1 && area in tree ? tree[area] : tree;
  }
  return resources;
}

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('gangway.language');

void i18next.use(initReactI18next).init({
  resources: buildResources(),
  lng: stored ?? 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(code: string): void {
  localStorage.setItem('gangway.language', code);
  void i18next.changeLanguage(code);
  document.documentElement.lang = code;
}

export default i18next;
