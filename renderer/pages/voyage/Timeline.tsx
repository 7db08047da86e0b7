import { useTranslation } from 'react-i18next';
import type { VoyageEvent } from '../../../shared/voyage/events';

const LANES: VoyageEvent['kind'][] = ['voyage', 'port_visit', 'encounter', 'gap', 'loitering'];

/**
 * Voyages and events on one time axis, a lane per kind. Every bar is a
 * button, so the timeline works from the keyboard; choosing one shows it on
 * the map and its evidence below.
 */
export function Timeline({ events, start, end, selected, onSelect }: { events: readonly VoyageEvent[]; start: number; end: number; selected: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const span = Math.max(1, end - start);
  const pct = (x: number) => `${(((x - start) / span) * 100).toFixed(3)}%`;
  return (
    <section className="voyage-timeline" aria-label={t('voyage.timeline.label')}>
      {LANES.map((kind) => {
        const lane = events.filter((e) => e.kind === kind);
        return (
          <div key={kind} style={{ display: 'grid', gridTemplateColumns: '160px 1fr', alignItems: 'center', gap: 8, marginBottom: 4 }}>
            <span>{t(`voyage.kind.${kind}`, { count: lane.length })}</span>
            <div style={{ position: 'relative', height: 26, borderBottom: '1px solid var(--line, #8a96a8)' }}>
              {lane.map((e) => (
                <button
                  key={e.id}
                  type="button"
                  title={t(`voyage.kind.${kind}`, { count: 1 })}
                  aria-pressed={e.id === selected}
                  aria-label={`${t(`voyage.kind.${kind}`, { count: 1 })}, ${new Date(e.start).toISOString().slice(0, 16).replace('T', ' ')} UTC`}
                  onClick={() => onSelect(e.id)}
                  style={{
                    position: 'absolute',
                    left: pct(e.start),
                    width: `max(8px, ${(((e.end - e.start) / span) * 100).toFixed(3)}%)`,
                    top: 2,
                    height: 22,
                    minHeight: 0,
                    padding: 0,
                    borderRadius: 3,
                    background: e.id === selected ? 'var(--focus, #ff9f00)' : e.kind === 'gap' && e.possibleIntentionalDisabling ? 'var(--danger, #a4000f)' : 'var(--accent, #0a4fb3)',
                    border: 'none',
                  }}
                />
              ))}
            </div>
          </div>
        );
      })}
      <div style={{ display: 'flex', justifyContent: 'space-between', marginLeft: 168 }}>
        <small>{new Date(start).toISOString().slice(0, 16).replace('T', ' ')} UTC</small>
        <small>{new Date(end).toISOString().slice(0, 16).replace('T', ' ')} UTC</small>
      </div>
    </section>
  );
}
