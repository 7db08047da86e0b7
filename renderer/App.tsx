import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorShape } from '../shared/errors';
import { useApi } from './api-context';
import { LANGUAGES, setLanguage } from './i18n';
import { AuditsPage } from './pages/AuditsPage';
import { VesselsPage } from './pages/VesselsPage';
import { useRoute } from './router';

type Theme = 'system' | 'day' | 'night';

function applyTheme(theme: Theme) {
  const night = theme === 'night' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = night ? 'night' : 'day';
  localStorage.setItem('gangway.theme', theme);
}

function Coming() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h1>{t('coming.title')}</h1>
      <p>{t('coming.body')}</p>
    </section>
  );
}

export interface Section {
  key: string;
  render: (route: string[]) => ReactNode;
}

/** The navigation, in the order an inspector works: registry, audit, interviews, wages, track, feed, sync. */
export const SECTIONS: Section[] = [
  { key: 'vessels', render: () => <VesselsPage /> },
  { key: 'audits', render: (r) => <AuditsPage route={r} /> },
  { key: 'interviews', render: () => <Coming /> },
  { key: 'wages', render: () => <Coming /> },
  { key: 'voyage', render: () => <Coming /> },
  { key: 'live', render: () => <Coming /> },
  { key: 'sync', render: () => <Coming /> },
];

function StoreError({ error }: { error: ErrorShape }) {
  const { t } = useTranslation();
  return (
    <main className="store-error" role="alert">
      <h1>{t('storeError.title')}</h1>
      <p>{error.message}</p>
      <button className="primary" onClick={() => window.location.reload()}>
        {t('storeError.retry')}
      </button>
    </main>
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [section = 'vessels', ...rest] = useRoute();
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem('gangway.theme') as Theme | null) ?? 'system');
  const [storeError, setStoreError] = useState<ErrorShape>();

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    api.call('app.info').catch((e: ErrorShape) => setStoreError(e));
  }, [api]);

  if (storeError) return <StoreError error={storeError} />;
  const current = SECTIONS.find((s) => s.key === section) ?? SECTIONS[0]!;

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">⚓ {t('appName')}</div>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <a href={`#/${s.key}`} aria-current={s.key === current.key ? 'page' : undefined}>
                {t(`nav.${s.key}`)}
              </a>
            </li>
          ))}
        </ul>
        <div className="prefs">
          <label>
            {t('theme.label')}
            <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="system">{t('theme.system')}</option>
              <option value="day">{t('theme.day')}</option>
              <option value="night">{t('theme.night')}</option>
            </select>
          </label>
          <label>
            {t('language.label')}
            <select value={i18n.language} onChange={(e) => setLanguage(e.target.value)}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </nav>
      <main id="main" tabIndex={-1} className="content">
        {current.render(current.key === section ? rest : [])}
      </main>
    </div>
  );
}
