import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell, Change, Dimension, ImpactResults } from '../../shared/impact/aggregate';
import { REASON_TEXT } from '../../shared/impact/disclosure';
import { toCsv } from '../../shared/impact/export';
import { useApi, useLoad } from '../api-context';
import { ErrorNote } from '../components/ErrorNote';

const DIMENSIONS: Dimension[] = ['port', 'month', 'quarter', 'flag', 'owner'];

function usePercent() {
  const { i18n } = useTranslation();
  return useMemo(() => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }), [i18n.language]);
}

function money(minor: number, currency: string, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100);
}

const keyText = (c: Cell) => Object.values(c.key).join(' · ') || '—';

interface Point {
  share: number;
  lo: number;
  hi: number;
}

/** A figure by month: the value as a line, its 95 % interval as a band, withheld months as gaps marked × on the axis. */
function TrendChart({ cells, pick, format, label, testId }: { cells: Cell[]; pick: (c: Cell) => Point | null; format: (v: number) => string; label: string; testId: string }) {
  const w = 760;
  const h = 220;
  const picked = cells.map(pick);
  const top = Math.max(...picked.map((p) => p?.hi ?? 0)) || 1;
  // Room on the left for the longest axis label (about 7 px a character).
  const pad = { l: 14 + 7 * Math.max(...[0, top / 2, top].map((v) => format(v).length)), r: 28, t: 12, b: 36 };
  const x = (i: number) => pad.l + (cells.length <= 1 ? 0 : (i * (w - pad.l - pad.r)) / (cells.length - 1));
  const y = (v: number) => pad.t + (1 - v / top) * (h - pad.t - pad.b);
  const points = picked.map((p, i) => (p ? { i, p } : null));
  const segments: { i: number; p: Point }[][] = [];
  for (const pt of points) {
    if (!pt) segments.push([]);
    else (segments.at(-1) ?? segments[segments.push([]) - 1]!).push(pt);
  }
  return (
    <svg className="chart" role="img" aria-label={label} width={w} height={h} data-testid={testId}>
      {[0, top / 2, top].map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} className="chart-track-line" />
          <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" className="chart-value">
            {format(v)}
          </text>
        </g>
      ))}
      {segments.filter((s) => s.length > 0).map((s, k) => (
        <g key={k}>
          <polygon className="chart-band" points={[...s.map((q) => `${x(q.i)},${y(q.p.hi)}`), ...[...s].reverse().map((q) => `${x(q.i)},${y(q.p.lo)}`)].join(' ')} />
          <polyline className="chart-line" points={s.map((q) => `${x(q.i)},${y(q.p.share)}`).join(' ')} />
          {s.map((q) => (
            <circle key={q.i} cx={x(q.i)} cy={y(q.p.share)} r={3.5} className="chart-dot">
              <title>{`${keyText(cells[q.i]!)}: ${format(q.p.share)} [${format(q.p.lo)}–${format(q.p.hi)}]`}</title>
            </circle>
          ))}
        </g>
      ))}
      {cells.map((c, i) => (
        <text key={keyText(c)} x={x(i)} y={h - pad.b + 16} textAnchor="middle" className={picked[i] ? 'chart-label' : 'chart-label muted'}>
          {c.key['month']?.slice(2) ?? keyText(c)}
          {picked[i] ? '' : ' ×'}
        </text>
      ))}
    </svg>
  );
}

function ChangeText({ change, format }: { change: Change; format: (v: number) => string }) {
  const { t } = useTranslation();
  if (change.suppressed) return <span className="muted">{t('impact.notCompared', { reason: change.reason })}</span>;
  return (
    <span data-direction={change.direction}>
      <strong>{t(`impact.direction.${change.direction}`)}</strong> {format(change.before)} → {format(change.after)}{' '}
      <span className="muted">{t('impact.changeInterval', { lo: format(change.lo), hi: format(change.hi) })}</span>
    </span>
  );
}

function ComparisonPanel({ results }: { results: ImpactResults }) {
  const { t, i18n } = useTranslation();
  const pct = usePercent();
  const c = results.comparison;
  if (!c) return null;
  return (
    <div className="panel" data-testid="impact-comparison">
      <h2>{t('impact.comparisonTitle', { date: c.programmeDate })}</h2>
      <p data-testid="impact-verdict" className={c.bothFell ? 'notice notice-ok' : 'notice'}>
        {c.bothFell ? t('impact.bothFell') : t('impact.notBothFell')}
      </p>
      <dl className="facts">
        <dt>{t('impact.forcedLabour')}</dt>
        <dd data-testid="change-forced-labour">
          <ChangeText change={c.forcedLabour} format={(v) => pct.format(v)} />
        </dd>
        {c.money
          .filter((m) => m.basis === 'documented')
          .map((m) => (
            <div key={`${m.currency}-${m.category}`} style={{ display: 'contents' }}>
              <dt>{t('impact.perCrew', { what: t(`impact.category.${m.category}`), currency: m.currency })}</dt>
              <dd data-testid={`change-${m.category}`}>
                <ChangeText change={m.change} format={(v) => money(v, m.currency, i18n.language)} />
              </dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

function CellsTable({ results }: { results: ImpactResults }) {
  const { t, i18n } = useTranslation();
  const pct = usePercent();
  const rows = [...results.cells, ...results.margins, results.total];
  return (
    <table className="table" data-testid="impact-cells">
      <thead>
        <tr>
          <th scope="col">{t('impact.cell')}</th>
          <th scope="col">{t('impact.audits')}</th>
          <th scope="col">{t('impact.interviewed')}</th>
          <th scope="col">{t('impact.forcedLabour')}</th>
          <th scope="col">{t('impact.withoutOfficers')}</th>
          <th scope="col">{t('impact.withheldPerCrew')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c, i) => {
          const p = c.prevalence;
          const withheld = c.money.find((m) => m.category === 'withheld_wages' && m.basis === 'documented');
          return (
            <tr key={i} className={i >= results.cells.length ? 'total' : undefined}>
              <th scope="row">{i === rows.length - 1 ? t('impact.all') : keyText(c)}</th>
              <td className="num">{c.audits}</td>
              {p.suppressed ? (
                <td colSpan={3} className="muted">
                  {t('impact.withheld', { reason: REASON_TEXT[p.reason] })}
                </td>
              ) : (
                <>
                  <td className="num">
                    {p.n}
                    {p.unreliable ? ' *' : ''}
                  </td>
                  <td className="num">
                    {pct.format(p.forcedLabour.share)} ({p.forcedLabour.x}) <span className="muted">[{pct.format(p.forcedLabour.lo)}–{pct.format(p.forcedLabour.hi)}]</span>
                  </td>
                  <td className="num">{p.withoutOfficers ? pct.format(p.withoutOfficers.share) : '—'}</td>
                </>
              )}
              <td className="num">
                {!withheld ? '—' : withheld.suppressed ? <span className="muted">{t('impact.withheld', { reason: REASON_TEXT[withheld.reason] })}</span> : money(withheld.perCrew, withheld.currency, i18n.language)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A union representative decides whether the union's audits publish their aggregate figures (on unless turned off). */
function SharingSetting() {
  const { t } = useTranslation();
  const api = useApi();
  const sharing = useLoad((a) => a.call('impact.sharing'), []);
  if (sharing.data?.role !== 'union_rep') return null;
  return (
    <label className="no-print" data-testid="share-aggregates">
      <input
        type="checkbox"
        checked={sharing.data.shareAggregates}
        onChange={(e) => void api.call('impact.setSharing', { shareAggregates: e.target.checked }).then(sharing.reload)}
      />{' '}
      {t('impact.shareAggregates', { agency: sharing.data.agency })}
    </label>
  );
}

function download(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** The port office dashboard: are both the prevalence of forced labour and the illicit profit falling? */
const currencies = (r: ImpactResults) => [...new Set(r.total.money.filter((m) => m.category === 'withheld_wages' && m.basis === 'documented').map((m) => m.currency))];

export function ImpactPage() {
  const { t, i18n } = useTranslation();
  const pct = usePercent();
  const [by, setBy] = useState<Dimension[]>(['port']);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [programmeDate, setProgrammeDate] = useState('');
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const query = { by, ...range, ...(programmeDate ? { programmeDate } : {}) };
  const results = useLoad((api) => api.call('impact.results', query), [JSON.stringify(query)]);
  const trend = useLoad((api) => api.call('impact.results', { by: ['month'], ...range }), [from, to]);
  const setDim = (at: number, value: string) => setBy((old) => {
    const next = [...old];
    if (value) next[at] = value as Dimension;
    else next.splice(at, 1);
    return [...new Set(next)];
  });
  return (
    <section aria-labelledby="impact-title">
      <h1 id="impact-title">{t('impact.title')}</h1>
      <p className="muted">{t('impact.intro', { k: 5 })}</p>
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
        {[0, 1].map((at) => (
          <label key={at}>
            {t(at === 0 ? 'impact.groupBy' : 'impact.thenBy')}
            <select value={by[at] ?? ''} onChange={(e) => setDim(at, e.target.value)} disabled={at > by.length}>
              <option value="">{t('impact.noGroup')}</option>
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`impact.dimension.${d}`)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {t('impact.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('impact.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('impact.programmeDate')}
          <input type="date" value={programmeDate} onChange={(e) => setProgrammeDate(e.target.value)} data-testid="programme-date" />
        </label>
        <button type="button" disabled={!results.data} onClick={() => results.data && download('gangway-impact.csv', toCsv(results.data), 'text/csv')}>
          {t('impact.exportCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('impact.print')}
        </button>
      </form>
      <SharingSetting />
      <ErrorNote error={results.error ?? trend.error} />
      {results.data && results.data.audits === 0 && <p className="empty">{t('impact.none')}</p>}
      {trend.data && trend.data.cells.length > 0 && (
        <div className="trends">
          <div>
            <h2>{t('impact.trendTitle')}</h2>
            <TrendChart
              cells={trend.data.cells}
              pick={(c) => (c.prevalence.suppressed ? null : c.prevalence.forcedLabour)}
              format={(v) => pct.format(v)}
              label={t('impact.trendTitle')}
              testId="impact-trend"
            />
          </div>
          {currencies(trend.data).map((currency) => (
            <div key={currency}>
              <h2>{t('impact.moneyTrendTitle', { currency })}</h2>
              <TrendChart
                cells={trend.data!.cells}
                pick={(c) => {
                  const m = c.money.find((x) => x.currency === currency && x.category === 'withheld_wages' && x.basis === 'documented');
                  return m && !m.suppressed ? { share: m.perCrew, lo: m.lo, hi: m.hi } : null;
                }}
                format={(v) => money(v, currency, i18n.language)}
                label={t('impact.moneyTrendTitle', { currency })}
                testId={`impact-money-trend-${currency}`}
              />
            </div>
          ))}
        </div>
      )}
      {results.data && results.data.audits > 0 && (
        <>
          <ComparisonPanel results={results.data} />
          <h2>{t('impact.cellsTitle', { count: results.data.audits })}</h2>
          <CellsTable results={results.data} />
          <p className="muted">{t('impact.rules', { k: results.data.rules.minimumCrew, reliable: results.data.rules.reliableCrew })}</p>
          <p className="muted">{t('impact.definition')}</p>
        </>
      )}
    </section>
  );
}
