import * as Y from 'yjs';
import { Vessel } from '../domain/vessel';
import { validationError } from '../errors';

/**
 * One vessel registry entry: the port authority's record. Only the
 * port-authority role may write it; the hub makes every other connection to
 * a vessel document read-only (hub/access.ts).
 */
export const vesselRegistry = (doc: Y.Doc) => doc.getMap<unknown>('registry');

export function writeVesselDoc(doc: Y.Doc, vessel: Vessel): void {
  const parsed = Vessel.safeParse(vessel);
  if (!parsed.success) throw validationError('Vessel for the shared document', parsed.error);
  const map = vesselRegistry(doc);
  const next = JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
  doc.transact(() => {
    for (const key of [...map.keys()]) if (!(key in next)) map.delete(key);
    for (const [key, value] of Object.entries(next)) if (map.get(key) !== value) map.set(key, value);
  });
}

export function readVesselDoc(doc: Y.Doc): Vessel | null {
  const parsed = Vessel.safeParse(vesselRegistry(doc).toJSON());
  return parsed.success ? parsed.data : null;
}
