import { useTranslation } from 'react-i18next';
import type { CrewMonth } from '../../../shared/wages/schemas';
import { baht } from './money';

const SERIES = [
  { key: 'expected', className: 'wages-bar-expected' },
  { key: 'paid', className: 'wages-bar-paid' },
  { key: 'withdrawn', className: 'wages-bar-withdrawn' },
] as const;

/** One crew member, month by month: what was owed, what reached the account, what was withdrawn. */
export function MonthChart({ months, currency }: { months: readonly CrewMonth[]; currency: string }) {
  const { t } = useTranslation();
  const width = 720;
  const height = 240;
  const left = 64;
  const bottom = 28;
  const max = Math.max(1, ...months.flatMap((m) => [m.expected, m.paid, m.withdrawn]));
  const slot = (width - left) / Math.max(1, months.length);
  const bar = Math.max(3, (slot - 6) / 3);
  const y = (v: number) => (height - bottom) * (1 - v / max);
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <figure className="wages-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('wages.chart.label')}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width} y1={y(v)} y2={y(v)} className="wages-grid" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" className="wages-axis">{baht(v, 0)}</text>
          </g>
        ))}
        {months.map((m, i) => (
          <g key={m.month}>
            {SERIES.map((s, k) => (
              <rect key={s.key} x={left + i * slot + 3 + k * bar} y={y(m[s.key])} width={bar - 1} height={height - bottom - y(m[s.key])} className={s.className}>
                <title>{`${m.month} ${t(`wages.chart.${s.key}`)}: ${baht(m[s.key])} ${currency}`}</title>
              </rect>
            ))}
            {m.suspectedDiverted > 0 && <text x={left + i * slot + slot / 2} y={12} textAnchor="middle" className="wages-mark">!</text>}
            <text x={left + i * slot + slot / 2} y={height - 8} textAnchor="middle" className="wages-axis">{m.month.slice(2)}</text>
          </g>
        ))}
      </svg>
      <figcaption>
        {SERIES.map((s) => (
          <span key={s.key} className="wages-legend"><span className={`wages-swatch ${s.className}`} />{t(`wages.chart.${s.key}`)}</span>
        ))}
        <span className="wages-legend">! {t('wages.chart.diverted')}</span>
      </figcaption>
    </figure>
  );
}
