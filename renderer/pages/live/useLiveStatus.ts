import { useEffect, useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import type { IngestStatus, NearbyVessel } from '../../../shared/api/methods/ingest';
import type { ErrorShape } from '../../../shared/errors';

/** The vessel table is refreshed at most this often; AIS Class A reports come every 2-10 s underway (ITU-R M.1371-5 Table 1). */
const NEARBY_EVERY_MS = 5000;

/** Live status from `ingest.status` events (the core sends one a second), and the nearby vessels, refreshed while data flows. */
export function useLiveStatus(api: ApiClient, sinceMinutes: number) {
  const [status, setStatus] = useState<IngestStatus>();
  const [vessels, setVessels] = useState<NearbyVessel[]>([]);
  const [error, setError] = useState<ErrorShape>();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    api.call('ingest.status').then((s) => live && setStatus(s), (e: ErrorShape) => live && setError(e));
    const off = api.on('ingest.status', (s) => {
      setStatus(s);
      setNow(s.at);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.call('ingest.nearby', { sinceMinutes, limit: 200 }).then(
        (v) => {
          if (!live) return;
          setVessels(v);
          setNow(Date.now());
        },
        (e: ErrorShape) => live && setError(e),
      );
    void load();
    const timer = setInterval(load, NEARBY_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, sinceMinutes]);

  return { status, vessels, error, now, setStatus };
}
