import path from 'node:path';
import { GangwayError } from '../../../shared/errors';
import { distanceFromShoreM } from '../../../shared/geo/shore-grid';
import { analyseVoyage } from '../../../shared/voyage/analyse';
import { checkDeclaredSchedule, checkRestHours } from '../../../shared/voyage/rest-hours';
import { analyseLogs } from '../../voyage/analyse-logs';
import { loadShoreGrid } from '../../voyage/coastline';
import { loadStoredVoyage } from '../../voyage/store-track';
import type { Handlers } from '../types';

export const voyageHandlers: Handlers<'voyage.analyse' | 'voyage.restHours'> = {
  'voyage.analyse': async ({ source, ports, params, sample }, ctx) => {
    const cacheDir = path.join(ctx.store.dataDir, 'cache');
    if (source.kind === 'files') {
      const r = await analyseLogs({ files: source.paths, ports, cacheDir, sample, ...(source.mmsi ? { vessel: source.mmsi } : {}), ...(params ? { params } : {}) });
      return r.analysis;
    }
    const data = loadStoredVoyage(ctx.store.db, source);
    if (data.track.n === 0) {
      const who = source.mmsi ? `MMSI ${source.mmsi} on AIS` : "this computer's own GNSS receiver";
      throw new GangwayError('NOT_FOUND', `Gangway has logged no positions from ${who}${source.from || source.to ? ' in that time range' : ''}. Connect the receiver or import a log first.`);
    }
    const grid = loadShoreGrid({ cacheDir });
    return analyseVoyage({
      track: data.track,
      ...(source.mmsi ? { ownMmsi: source.mmsi } : {}),
      fleet: data.fleet,
      identities: data.identities,
      ports,
      shoreAt: (lat, lon) => distanceFromShoreM(grid, lat, lon),
      ...(params ? { params } : {}),
      sample,
    });
  },
  'voyage.restHours': ({ schedules, declared, track }) => ({
    breaches: schedules.flatMap((s) => checkRestHours(s)),
    conflicts: track ? checkDeclaredSchedule(declared, track) : [],
  }),
};
