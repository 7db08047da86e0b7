import { z } from 'zod';

/**
 * Who a device speaks for. Fixed at enrolment by the hub administrator and
 * carried on the hub's device record, never in the device's own token claims.
 * - inspector: reads and writes its own agency's audits
 * - union_rep: reads and writes union-confidential audits (invisible to others unless shared)
 * - port_authority: writes the vessel registry, reads audits shared with it
 */
export const Role = z.enum(['inspector', 'union_rep', 'port_authority']);
export type Role = z.infer<typeof Role>;

/** Who may see an audit besides its own agency. */
export const Confidentiality = z.enum(['agency', 'union']);
export type Confidentiality = z.infer<typeof Confidentiality>;
