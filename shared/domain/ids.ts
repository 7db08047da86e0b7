import { z } from 'zod';

export const Id = z.uuid({ message: 'must be an id (UUID)' });
/** ISO 8601 calendar date, e.g. 2026-11-27 */
export const IsoDate = z.iso.date({ message: 'must be a date like 2026-11-27' });
/** ISO 8601 instant with offset, e.g. 2026-11-27T08:00:00.000Z */
export const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time like 2026-11-27T08:00:00Z' });
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 hex digits)');
