/**
 * The C188 checklist an inspector walks through on board.
 * Sources: ILO Work in Fishing Convention, 2007 (No. 188), articles cited per item.
 */
export interface ChecklistQuestion {
  code: string;
  /** i18n key of the label, under `checklist.` */
  key: string;
  source: string;
}

export const C188_CHECKLIST: readonly ChecklistQuestion[] = [
  { code: 'c188.rest.24h', key: 'rest24h', source: 'C188 Art. 14(1)(b): at least 10 hours of rest in any 24-hour period' },
  { code: 'c188.rest.7d', key: 'rest7d', source: 'C188 Art. 14(1)(b): at least 77 hours of rest in any 7-day period' },
  { code: 'c188.contract', key: 'contract', source: "C188 Art. 16-20, Annex II: a fisher's work agreement, understood and signed" },
  { code: 'c188.medical', key: 'medical', source: 'C188 Art. 10-12: a valid medical certificate' },
  { code: 'c188.minimum_age', key: 'minimumAge', source: 'C188 Art. 9: minimum age 16 (18 for hazardous work)' },
  { code: 'c188.wage_monthly', key: 'wageMonthly', source: 'C188 Art. 23-24: paid monthly or at another regular interval, means to send wages home at no cost' },
  { code: 'c188.crew_list', key: 'crewList', source: 'C188 Art. 15: a crew list on board, matched against the crew present' },
  { code: 'c188.repatriation', key: 'repatriation', source: 'C188 Art. 21: repatriation at no cost to the fisher' },
  { code: 'c188.accommodation', key: 'accommodation', source: 'C188 Art. 25-28, Annex III: accommodation and food' },
];
