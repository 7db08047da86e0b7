import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '../shared/api/client';
import { ApiContext } from './api-context';
import { App } from './App';
import './i18n';
import './styles.css';
import { electronTransport } from './transport/electron';
import { httpTransport, takeToken } from './transport/http';

// The desktop shell's preload provides window.gangway; a browser talks to `gangway serve`.
const transport = window.gangway ? electronTransport(window.gangway) : httpTransport(takeToken());
const api = createClient(transport);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
