import { describe, expect, it } from 'vitest';
import { buildFisherInterview, fisherInterviewKeys } from '../../../shared/forms/fisherInterview';
import { TRANSLATIONS } from '../../../shared/forms/translations';

describe('fisher interview translations', () => {
  it('has every label in all eight languages', () => {
    expect(TRANSLATIONS.map((t) => t.language)).toEqual(['en', 'th', 'my', 'km', 'lo', 'vi', 'id', 'tl']);
    for (const t of TRANSLATIONS) expect(fisherInterviewKeys().filter((k) => !(k in t.strings)), t.language).toEqual([]);
  });

  it('marks every language but the English source as not reviewed by a native speaker, and the form says so', () => {
    const form = buildFisherInterview();
    expect(form.languages.filter((l) => l.reviewed).map((l) => l.language)).toEqual(['en']);
  });

  it('writes Burmese in Myanmar script and Khmer in Khmer script (Unicode, not Zawgyi look-alikes in Latin)', () => {
    const my = TRANSLATIONS.find((t) => t.language === 'my')!;
    const km = TRANSLATIONS.find((t) => t.language === 'km')!;
    expect(my.strings['q.hit']).toMatch(/^[\u1000-\u109F\s။၊?]+$/);
    expect(km.strings['q.hit']).toMatch(/[\u1780-\u17FF]/);
  });
});

describe("inspector's interview screens", () => {
  it('have Thai for every English string', async () => {
    const en = (await import('../../../renderer/i18n/interview.en.json')).default;
    const th = (await import('../../../renderer/i18n/interview.th.json')).default;
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(th).sort()).toEqual(keys(en).sort());
  });
});
