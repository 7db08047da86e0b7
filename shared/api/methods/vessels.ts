import { z } from 'zod';
import { method } from '../contract';
import { Id } from '../../domain/ids';
import { Vessel, VesselInput } from '../../domain/vessel';

export const vesselMethods = {
  'vessels.create': method({ summary: 'Add a vessel to the registry', input: VesselInput, output: Vessel }),
  'vessels.update': method({
    summary: 'Change a vessel registry entry',
    input: z.object({ id: Id, patch: VesselInput.partial() }),
    output: Vessel,
  }),
  'vessels.get': method({ summary: 'One vessel', input: z.object({ id: Id }), output: Vessel }),
  'vessels.delete': method({
    summary: 'Remove a vessel that has no audits (a vessel with audits is kept)',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
  'vessels.search': method({
    summary: 'Find vessels by name, IMO, MMSI, call sign, registration number, owner or home port',
    input: z.object({ query: z.string().trim().max(200).default(''), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(Vessel),
  }),
};
