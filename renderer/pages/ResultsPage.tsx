import { useTranslation } from 'react-i18next';
import type { Money, Prevalence } from '../../shared/results/fleet';
import { K_MIN, RELIABLE_N } from '../../shared/impact/disclosure';
import { wilson } from '../../shared/impact/intervals';
import { useLoad } from '../api-context';
import { ErrorNote } from '../components/ErrorNote';

function formatMoney(minor: number, currency: string, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 100);
}

function MoneyCards({ money }: { money: Money[] }) {
  const { t, i18n } = useTranslation();
  if (money.length === 0) return <p className="empty">{t('results.noMoney')}</p>;
  return (
    <>
      {money.map((m) => (
        <div key={m.currency} className="cards">
          <div className="card card-strong">
            <span>{t('results.illicitProfit')}</span>
            <strong data-testid={`illicit-${m.currency}`}>{formatMoney(m.withheld + m.diverted, m.currency, i18n.language)}</strong>
          </div>
          <div className="card">
            <span>{t('results.withheld')}</span>
            <strong>{formatMoney(m.withheld, m.currency, i18n.language)}</strong>
          </div>
          <div className="card">
            <span>{t('results.diverted')}</span>
            <strong>{formatMoney(m.diverted, m.currency, i18n.language)}</strong>
          </div>
        </div>
      ))}
    </>
  );
}

/**
 * Horizontal bars, one per indicator, longest first, each with its 95 % Wilson
 * interval as a whisker and the count beside the share. Under K_MIN crew a
 * share says nothing a reader should act on: the counts are shown, the
 * shares are not ("too few to say").
 */
function PrevalenceChart({ prevalence, total, testId, label }: { prevalence: Prevalence[]; total: number; testId: string; label: string }) {
  const { t, i18n } = useTranslation();
  const rows = [...prevalence].sort((a, b) => b.share - a.share);
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const tooFew = total < K_MIN;
  const rowH = 30;
  const labelW = 330;
  const barW = 420;
  return (
    <div data-testid={testId}>
      {tooFew ? (
        <p className="notice">{t('results.tooFew', { total, min: K_MIN })}</p>
      ) : (
        total < RELIABLE_N && <p className="muted">{t('results.unreliable', { total, reliable: RELIABLE_N })}</p>
      )}
      <svg className="chart" role="img" aria-label={label} width={labelW + barW + 260} height={rows.length * rowH + 8}>
        {rows.map((r, i) => {
          const name = t(`audits.indicators.${r.indicator}`);
          const y = i * rowH + 4;
          const ci = wilson(r.crewWithSignal, total);
          const value = tooFew
            ? t('results.countOnly', { count: r.crewWithSignal, total })
            : t('results.shareWithInterval', { percent: pct.format(r.share), count: r.crewWithSignal, total, lo: pct.format(ci.lo).replace(/\s?%$/, ''), hi: pct.format(ci.hi) });
          return (
            <g key={r.indicator}>
              <title>{t('results.prevalenceBar', { indicator: name, count: r.crewWithSignal, total, percent: tooFew ? t('results.tooFewShort') : pct.format(r.share) })}</title>
              <text x={labelW - 10} y={y + rowH / 2 + 5} textAnchor="end" className="chart-label">
                {name}
              </text>
              <rect x={labelW} y={y + 4} width={barW} height={rowH - 10} className="chart-track" />
              {!tooFew && (
                <>
                  <rect x={labelW} y={y + 4} width={Math.max(r.share * barW, r.crewWithSignal > 0 ? 2 : 0)} height={rowH - 10} className="chart-bar" />
                  <line x1={labelW + ci.lo * barW} x2={labelW + ci.hi * barW} y1={y + rowH / 2} y2={y + rowH / 2} className="chart-interval" />
                  <line x1={labelW + ci.lo * barW} x2={labelW + ci.lo * barW} y1={y + 8} y2={y + rowH - 8} className="chart-interval" />
                  <line x1={labelW + ci.hi * barW} x2={labelW + ci.hi * barW} y1={y + 8} y2={y + rowH - 8} className="chart-interval" />
                </>
              )}
              <text x={labelW + barW + 8} y={y + rowH / 2 + 5} className="chart-value">
                {value}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const results = useLoad((api) => api.call('results.fleet'), [], ['audit.changed', 'finding.added']);
  const data = results.data;
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t('results.title')}</h1>
      <p className="muted">{t('results.intro')}</p>
      <ErrorNote error={results.error} />
      {data && (
        <>
          <div className="cards">
            <div className="card">
              <span>{t('results.interviewed')}</span>
              <strong data-testid="interviewed">{data.vaultLocked ? t('results.none') : data.interviewed}</strong>
            </div>
            <div className="card">
              <span>{t('results.strong')}</span>
              <strong data-testid="strong-signals">{data.vaultLocked ? t('results.none') : data.strongSignals}</strong>
              <small>{t('results.strongHint')}</small>
            </div>
          </div>
          <MoneyCards money={data.money} />
          <h2>{t('results.prevalence')}</h2>
          {data.vaultLocked ? (
            <p className="notice">{t('results.locked')}</p>
          ) : data.interviewed === 0 ? (
            <p className="empty">{t('results.noInterviews')}</p>
          ) : (
            <PrevalenceChart prevalence={data.prevalence} total={data.interviewed} testId="prevalence-chart" label={t('results.prevalence')} />
          )}
          {data.records.crew > 0 && (
            <>
              <h2>{t('results.recordsTitle', { count: data.records.crew })}</h2>
              {/* Wage records can only show some indicators (nothing of violence): the rest stay off this chart. */}
              <PrevalenceChart
                prevalence={data.records.prevalence.filter((p) => p.crewWithSignal > 0)}
                total={data.records.crew}
                testId="records-chart"
                label={t('results.recordsTitle', { count: data.records.crew })}
              />
            </>
          )}
          <p className="muted">{t('results.caveat')}</p>
          <h2>{t('results.vessels')}</h2>
          <table className="table" data-testid="results-vessels">
            <thead>
              <tr>
                <th scope="col">{t('results.vessel')}</th>
                <th scope="col">{t('results.audits')}</th>
                <th scope="col">{t('results.latest')}</th>
                <th scope="col">{t('results.interviewed')}</th>
                <th scope="col">{t('results.strong')}</th>
                <th scope="col">{t('results.withheld')}</th>
                <th scope="col">{t('results.diverted')}</th>
              </tr>
            </thead>
            <tbody>
              {data.vessels.map((v) => (
                <tr key={v.vesselId}>
                  <th scope="row">{v.vesselName}</th>
                  <td className="num">{v.audits}</td>
                  <td>{v.latest ? <a href={`#/audits/${v.latest.auditId}`}>{v.latest.date}</a> : t('results.none')}</td>
                  <td className="num">{v.latest?.interviewed ?? t('results.none')}</td>
                  <td className="num">{v.latest?.strongSignals ?? t('results.none')}</td>
                  <td className="num">{v.money.map((m) => formatMoney(m.withheld, m.currency, i18n.language)).join(' · ') || t('results.none')}</td>
                  <td className="num">{v.money.map((m) => formatMoney(m.diverted, m.currency, i18n.language)).join(' · ') || t('results.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
