import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import { GangwayError } from '../../shared/errors';
import { Role, TOKEN_AUDIENCE, type EnrolmentAnswer, type EnrolmentRegistration, type HubErrorBody } from '../../shared/sync';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { adoptLocalDocuments } from './mirror';

/** Tokens live five minutes: one is signed per connection attempt. */
export const TOKEN_LIFETIME_S = 5 * 60;

export const Enrolment = z.object({
  hub: z.string(),
  deviceId: z.string(),
  role: Role,
  agency: z.string(),
  userName: z.string(),
  enrolledAt: z.string(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export function getEnrolment(db: Db): Enrolment | null {
  const row = db.prepare('SELECT hub, device_id AS deviceId, role, agency, user_name AS userName, enrolled_at AS enrolledAt FROM sync_device WHERE id = 1').get();
  return row ? Enrolment.parse(row) : null;
}

/** A hub address as the device stores it: ws(s)://host:port, no trailing slash. */
export function normaliseHubUrl(text: string): string {
  const t = text.trim().replace(/\/+$/, '');
  const withScheme = /^[a-z]+:\/\//i.test(t) ? t : `ws://${t}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new GangwayError('VALIDATION', `"${text}" is not a hub address. Type it like hub.port.local:1234.`);
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new GangwayError('VALIDATION', `A hub address starts with ws:// or wss://, not ${url.protocol}//.`);
  return url.toString().replace(/\/+$/, '');
}

export const httpUrlOf = (hub: string): string => hub.replace(/^ws/, 'http');

/** A sentence for a failed connection: a certificate that does not verify is said so, not "no answer". */
export function unreachable(hub: string, e: unknown): GangwayError {
  let cause: unknown = e;
  let code = '';
  for (let i = 0; i < 4 && cause && !code; i++) {
    code = String((cause as { code?: string }).code ?? '');
    cause = (cause as { cause?: unknown }).cause;
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new GangwayError('UNAUTHORIZED', `The hub at ${hub} presented a certificate this device does not trust (${code}). Check the address, or ask the hub administrator for the port's certificate.`, undefined, { cause: e });
  }
  return new GangwayError('DEVICE', `No hub answers at ${hub}. Check the address and that this device is on the port network; Gangway keeps working offline.`, undefined, { cause: e });
}

/**
 * Enrols this device: makes an Ed25519 key pair, registers the public half
 * with the hub using the one-time code, and keeps the private half in the
 * store. Calling it again replaces the previous enrolment.
 */
export async function enrolDevice(db: Db, hubAddress: string, code: string, deviceName: string, fetcher: typeof fetch = fetch): Promise<Enrolment> {
  const hub = normaliseHubUrl(hubAddress);
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const privateJwk = await exportJWK(privateKey);
  let res: Response;
  try {
    res = await fetcher(`${httpUrlOf(hub)}/enrol`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name: deviceName, publicJwk } as EnrolmentRegistration),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    throw unreachable(hub, e);
  }
  const answer = (await res.json().catch(() => null)) as (Partial<EnrolmentAnswer> & HubErrorBody) | null;
  if (!res.ok || !answer?.deviceId) {
    throw new GangwayError('UNAUTHORIZED', answer?.error?.message ?? `The hub at ${hub} refused the enrolment (HTTP ${res.status}).`);
  }
  const enrolment = Enrolment.parse({ hub, deviceId: answer.deviceId, role: answer.role, agency: answer.agency, userName: answer.userName, enrolledAt: new Date().toISOString() });
  inTransaction(db, () => {
    db.prepare('DELETE FROM sync_device').run();
    db.prepare(
      `INSERT INTO sync_device (id, hub, device_id, role, agency, user_name, public_jwk, private_jwk, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(hub, enrolment.deviceId, enrolment.role, enrolment.agency, enrolment.userName, JSON.stringify(publicJwk), JSON.stringify(privateJwk), enrolment.enrolledAt);
    db.prepare('INSERT INTO sync_hubs (hub) VALUES (?) ON CONFLICT (hub) DO NOTHING').run(hub);
    adoptLocalDocuments(db, enrolment.agency, enrolment.role);
  });
  return enrolment;
}

/** Signs a short-lived token for one connection. `lifetimeS` is for tests of expiry. */
export async function signDeviceToken(db: Db, lifetimeS = TOKEN_LIFETIME_S): Promise<string> {
  const row = db.prepare('SELECT device_id AS deviceId, private_jwk AS jwk FROM sync_device WHERE id = 1').get() as { deviceId: string; jwk: string } | undefined;
  if (!row) throw new GangwayError('UNAUTHORIZED', 'This device is not enrolled with a hub. Enrol it on the Sync page with a code from the hub administrator.');
  const key = await importJWK(JSON.parse(row.jwk) as JWK, 'EdDSA');
  const nowS = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', kid: row.deviceId })
    .setSubject(row.deviceId)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + lifetimeS)
    .sign(key);
}
