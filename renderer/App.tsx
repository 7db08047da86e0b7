import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorShape } from '../shared/errors';
import { useApi } from './api-context';
import { LANGUAGES, setLanguage } from './i18n';
import { AuditsPage } from './pages/AuditsPage';
import { InterviewPage } from './pages/InterviewPage';
import { LiveFeedPage } from './pages/LiveFeedPage';
import { ImpactPage } from './pages/ImpactPage';
import { ResultsPage } from './pages/ResultsPage';
import { SyncPage } from './pages/SyncPage';
import { VesselsPage } from './pages/VesselsPage';
import { VoyagePage } from './pages/VoyagePage';
import { WagesPage } from './pages/WagesPage';
import type { ApiClient } from '../shared/api/client';
import { useRoute } from './router';

type Theme = 'system' | 'day' | 'night';

function applyTheme(theme: Theme) {
  const night = theme === 'night' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = night ? 'night' : 'day';
  localStorage.setItem('gangway.theme', theme);
}

export interface Section {
  key: string;
  render: (route: string[], api: ApiClient) => ReactNode;
}

/** The navigation, in the order an inspector works: registry, audit, results, interviews, wages, track, feed, sync. */
export const SECTIONS: Section[] = [
  { key: 'vessels', render: () => <VesselsPage /> },
  { key: 'audits', render: (r) => <AuditsPage route={r} /> },
  { key: 'results', render: () => <ResultsPage /> },
  { key: 'impact', render: () => <ImpactPage /> },
  { key: 'interviews', render: (_r, api) => <InterviewPage api={api} /> },
  { key: 'wages', render: (_r, api) => <WagesPage api={api} /> },
  { key: 'voyage', render: (_r, api) => <VoyagePage api={api} /> },
  { key: 'live', render: (_r, api) => <LiveFeedPage api={api} /> },
  { key: 'sync', render: (_r, api) => <SyncPage api={api} /> },
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
        {current.render(current.key === section ? rest : [], api)}
      </main>
    </div>
  );
}
