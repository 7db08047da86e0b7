import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import en from '../../../renderer/i18n/interview.en.json';
import { ChangePassphrase } from '../../../renderer/pages/interview/ChangePassphrase';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { interview: en } } } });
});

describe('changing the passphrase in the interview vault area', () => {
  it('asks for the current passphrase and the new one twice, all as password fields', () => {
    const html = renderToStaticMarkup(<ChangePassphrase api={{} as ApiClient} />);
    expect(html).toContain('Change the passphrase');
    expect(html).toContain('Current passphrase');
    expect(html).toContain('New passphrase');
    for (const id of ['vault-current', 'vault-next', 'vault-next-again']) expect(html).toMatch(new RegExp(`data-testid="${id}" type="password"`));
  });
});
