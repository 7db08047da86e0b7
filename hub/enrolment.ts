import { randomInt, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import { GangwayError } from '../shared/errors';
import { Agency, EnrolmentRegistration, Role } from '../shared/sync';
import { inTransaction } from '../main/store/database';
import type { HubStore } from './store';

/** Crockford base32 without look-alikes (no I, L, O, U), so a code read aloud is typed right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Enrolment codes live 24 hours: long enough for a shift, short enough that a lost note expires. */
export const CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const EnrolmentRequest = z.object({
  role: Role,
  agency: Agency,
  userName: z.string().trim().min(1).max(120),
});

export interface EnrolmentCode {
  code: string;
  role: Role;
  agency: string;
  userName: string;
  expiresAt: string;
  /** What the QR code carries: the hub address and the code, for the device's enrolment screen. */
  link: string;
}

function newCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export function normaliseCode(text: string): string {
  const s = text.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === 12 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}` : s;
}

export function createEnrolmentCode(hub: HubStore, input: z.input<typeof EnrolmentRequest>, hubUrl: string): EnrolmentCode {
  const r = EnrolmentRequest.parse(input);
  const code = newCode();
  const created = new Date();
  const expiresAt = new Date(created.getTime() + CODE_LIFETIME_MS).toISOString();
  hub.db
    .prepare('INSERT INTO enrolment_codes (code, role, agency, user_name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(code, r.role, r.agency, r.userName, created.toISOString(), expiresAt);
  const link = `gangway://enrol?hub=${encodeURIComponent(hubUrl)}&code=${code}`;
  return { code, role: r.role, agency: r.agency, userName: r.userName, expiresAt, link };
}

export async function qrForTerminal(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}

export async function qrAsSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export interface DeviceRecord {
  id: string;
  name: string;
  role: Role;
  agency: string;
  userName: string;
  publicJwk: string;
  revokedAt: string | null;
}

/** Turns a one-time code and a device's public key into a registered device. */
export function registerDevice(hub: HubStore, input: unknown): DeviceRecord {
  const parsed = EnrolmentRegistration.safeParse(input);
  if (!parsed.success) throw new GangwayError('VALIDATION', 'The enrolment request is incomplete: it needs a code, a device name and an Ed25519 public key.');
  const { code, name, publicJwk } = parsed.data;
  return inTransaction(hub.db, () => {
    const row = hub.db.prepare('SELECT role, agency, user_name AS userName, expires_at AS expiresAt, used_by AS usedBy FROM enrolment_codes WHERE code = ?').get(normaliseCode(code)) as
      | { role: Role; agency: string; userName: string; expiresAt: string; usedBy: string | null }
      | undefined;
    if (!row) throw new GangwayError('UNAUTHORIZED', 'That enrolment code is not known to this hub. Check it with the hub administrator.');
    if (row.usedBy) throw new GangwayError('UNAUTHORIZED', 'That enrolment code was already used. Ask the hub administrator for a new one.');
    if (row.expiresAt < new Date().toISOString()) throw new GangwayError('UNAUTHORIZED', 'That enrolment code has expired. Ask the hub administrator for a new one.');
    const id = randomUUID();
    const jwk = JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x });
    hub.db
      .prepare('INSERT INTO devices (id, name, public_jwk, role, agency, user_name, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, name, jwk, row.role, row.agency, row.userName, new Date().toISOString());
    hub.db.prepare('UPDATE enrolment_codes SET used_by = ? WHERE code = ?').run(id, normaliseCode(code));
    return { id, name, role: row.role, agency: row.agency, userName: row.userName, publicJwk: jwk, revokedAt: null };
  });
}

export function getDevice(hub: HubStore, id: string): DeviceRecord | null {
  return (
    (hub.db.prepare('SELECT id, name, role, agency, user_name AS userName, public_jwk AS publicJwk, revoked_at AS revokedAt FROM devices WHERE id = ?').get(id) as DeviceRecord | undefined) ?? null
  );
}

export function listDevices(hub: HubStore): DeviceRecord[] {
  return hub.db.prepare('SELECT id, name, role, agency, user_name AS userName, public_jwk AS publicJwk, revoked_at AS revokedAt FROM devices ORDER BY enrolled_at').all() as DeviceRecord[];
}

/** Revocation takes effect at once: open connections of the device are closed by the hub (hub/server.ts). */
export function revokeDevice(hub: HubStore, id: string): DeviceRecord {
  const info = hub.db.prepare('UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(new Date().toISOString(), id);
  if (info.changes === 0) throw new GangwayError('NOT_FOUND', `No device ${id} is enrolled at this hub. List devices with \`gangway hub devices\`.`);
  return getDevice(hub, id)!;
}
