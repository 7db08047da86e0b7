import { useTranslation } from 'react-i18next';
import type { WageReport } from '../../../shared/wages/schemas';
import { baht } from './money';

interface CrewRow {
  crew: string;
  currency: string;
  months: number;
  expected: number;
  paid: number;
  shortfall: number;
  diverted: number;
  flags: number;
}

export function crewRows(report: WageReport): CrewRow[] {
  const rows = new Map<string, CrewRow>();
  for (const m of report.months) {
    const key = `${m.crew}\u001f${m.currency}`;
    const r = rows.get(key) ?? { crew: m.crew, currency: m.currency, months: 0, expected: 0, paid: 0, shortfall: 0, diverted: 0, flags: 0 };
    r.months++;
    r.expected += m.expected;
    r.paid += m.paid;
    r.shortfall += m.shortfall;
    r.diverted += m.suspectedDiverted;
    r.flags += m.flags.length;
    rows.set(key, r);
  }
  return [...rows.values()];
}

/** The money columns both tables share, in the same order. */
function MoneyHeaders() {
  const { t } = useTranslation();
  return (
    <>
      {(['expected', 'paid', 'withheld', 'diverted', 'flags'] as const).map((k) => (
        <th key={k} className="wages-num">
          {t(`wages.summary.${k}`)}
        </th>
      ))}
    </>
  );
}

/** Vessel totals (withheld, suspected diverted, with currency) and one row per crew member to open. */
export function VesselSummary({ report, selected, onSelect }: { report: WageReport; selected?: string; onSelect: (crew: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="wages-summary">
      <h2 id="wages-summary">{t('wages.summary.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('wages.summary.vessel')}</th>
            <th className="wages-num">{t('wages.summary.crew')}</th>
            <MoneyHeaders />
          </tr>
        </thead>
        <tbody>
          {report.totals.map((v) => (
            <tr key={`${v.vessel}-${v.currency}`}>
              <td>{v.vessel || '—'}</td>
              <td className="wages-num">{v.crewCount}</td>
              <td className="wages-num">{baht(v.expected)} {v.currency}</td>
              <td className="wages-num">{baht(v.paid)} {v.currency}</td>
              <td className="wages-num wages-high">{baht(v.totalWithheld)} {v.currency}</td>
              <td className="wages-num wages-high">{baht(v.totalSuspectedDiverted)} {v.currency}</td>
              <td className="wages-num">{v.flagCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('wages.summary.byCrew')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('wages.summary.crewMember')}</th>
            <th className="wages-num">{t('wages.summary.months')}</th>
            <MoneyHeaders />
          </tr>
        </thead>
        <tbody>
          {crewRows(report).map((r) => (
            <tr key={`${r.crew}-${r.currency}`} aria-selected={selected === r.crew}>
              <td>
                <button type="button" onClick={() => onSelect(r.crew)} aria-pressed={selected === r.crew}>{r.crew}</button>
              </td>
              <td className="wages-num">{r.months}</td>
              <td className="wages-num">{baht(r.expected)}</td>
              <td className="wages-num">{baht(r.paid)}</td>
              <td className={`wages-num${r.shortfall > 0 ? ' wages-high' : ''}`}>{baht(r.shortfall)}</td>
              <td className={`wages-num${r.diverted > 0 ? ' wages-high' : ''}`}>{baht(r.diverted)}</td>
              <td className="wages-num">{r.flags}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.notes.map((n) => (
        <p key={n}><small>{n}</small></p>
      ))}
    </section>
  );
}
