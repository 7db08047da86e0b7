import { createVessel, deleteVessel, getVessel, searchVessels, updateVessel } from '../../store/repos/vessels';
import type { Handlers } from '../types';

export const vesselHandlers: Handlers<'vessels.create' | 'vessels.update' | 'vessels.get' | 'vessels.delete' | 'vessels.search'> = {
  'vessels.create': (input, ctx) => {
    const vessel = createVessel(ctx.store.db, input);
    ctx.emit('vessel.changed', vessel);
    return vessel;
  },
  'vessels.update': ({ id, patch }, ctx) => {
    const vessel = updateVessel(ctx.store.db, id, patch);
    ctx.emit('vessel.changed', vessel);
    return vessel;
  },
  'vessels.get': ({ id }, ctx) => getVessel(ctx.store.db, id),
  'vessels.delete': ({ id }, ctx) => {
    deleteVessel(ctx.store.db, id);
    return { id };
  },
  'vessels.search': ({ query, limit }, ctx) => searchVessels(ctx.store.db, query, limit),
};
