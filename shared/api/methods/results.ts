import { z } from 'zod';
import { method } from '../contract';
import { FleetResults } from '../../results/fleet';

export const resultMethods = {
  'results.fleet': method({
    summary: 'Prevalence of forced-labour indicators and withheld or diverted wages, per vessel and across the fleet',
    input: z.object({}).default({}),
    output: FleetResults,
  }),
};
