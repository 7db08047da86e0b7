import { useTranslation } from 'react-i18next';
import type { VoyageEvent } from '../../../shared/voyage/events';

const NM = 1852;
const when = (t: number) => new Date(t).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';

/** The evidence for one event: what was measured, against which threshold, and its id for a finding to cite. */
export function EventDetail({ event }: { event: VoyageEvent }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('voyage.detail.id'), event.id],
    [t('voyage.detail.start'), when(event.start)],
    [t('voyage.detail.end'), when(event.end)],
    [t('voyage.detail.duration'), t('voyage.detail.hours', { h: event.durationH.toFixed(2) })],
  ];
  switch (event.kind) {
    case 'port_visit':
      rows.push([t('voyage.detail.port'), event.port], [t('voyage.detail.stops'), String(event.stops.length)]);
      break;
    case 'voyage':
      rows.push([t('voyage.detail.route'), `${event.fromPort ?? '—'} → ${event.toPort ?? '—'}`], [t('voyage.detail.daysAtSea'), event.daysAtSea.toFixed(2)]);
      if (event.maxDistanceFromShoreM !== undefined) rows.push([t('voyage.detail.maxShore'), `${(event.maxDistanceFromShoreM / NM).toFixed(1)} nm`]);
      if (event.partial) rows.push([t('voyage.detail.partial'), t('voyage.detail.partialWhy')]);
      break;
    case 'gap':
      rows.push(
        [t('voyage.detail.distance'), `${(event.distanceM / NM).toFixed(1)} nm`],
        [t('voyage.detail.impliedSpeed'), `${event.impliedSpeedKn.toFixed(1)} kn`],
        [t('voyage.detail.positionsBefore'), String(event.positionsBefore)],
        [t('voyage.detail.verdict'), event.possibleIntentionalDisabling ? t('voyage.detail.disabling') : event.flagged ? t('voyage.detail.flagged') : t('voyage.detail.recorded')],
      );
      if (event.startShoreM !== undefined) rows.push([t('voyage.detail.shoreAtStart'), `${(event.startShoreM / NM).toFixed(1)} nm`]);
      if (event.reasons.length) rows.push([t('voyage.detail.reasons'), event.reasons.join('; ')]);
      break;
    case 'encounter':
      rows.push(
        [t('voyage.detail.other'), `${event.otherName ?? t('voyage.detail.unnamed')} (MMSI ${event.otherMmsi})`],
        [t('voyage.detail.nameSource'), t(`voyage.detail.source.${event.nameSource}`)],
        [t('voyage.detail.medianDistance'), `${Math.round(event.medianDistanceM)} m`],
        [t('voyage.detail.speeds'), `${event.ownMedianKn.toFixed(1)} / ${event.otherMedianKn.toFixed(1)} kn`],
      );
      if (event.shoreM !== undefined) rows.push([t('voyage.detail.shore'), `${(event.shoreM / NM).toFixed(1)} nm`]);
      break;
    case 'loitering':
      rows.push([t('voyage.detail.meanSpeed'), `${event.meanKn.toFixed(2)} kn`], [t('voyage.detail.shore'), `${(event.minShoreM / NM).toFixed(1)} nm`]);
      break;
  }
  return (
    <section className="panel" aria-live="polite">
      <h2>{t(`voyage.kind.${event.kind}`, { count: 1 })}</h2>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px' }}>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd style={{ margin: 0 }}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
