import { fleetResults } from '../../results/fleet';
import type { Handlers } from '../types';

export const resultHandlers: Handlers<'results.fleet'> = {
  'results.fleet': (_input, ctx) => fleetResults(ctx.store),
};
