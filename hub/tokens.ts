import { decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import { GangwayError } from '../shared/errors';
import { TOKEN_AUDIENCE } from '../shared/sync';
import { getDevice, type DeviceRecord } from './enrolment';
import type { HubStore } from './store';

/** Tokens are signed per connection and live minutes (short-lived by design); 10 min plus 30 s of clock skew. */
export const MAX_TOKEN_AGE = '10m';
export const CLOCK_TOLERANCE_S = 30;

/**
 * Checks a device token: signed with the device's registered Ed25519 key, for
 * this hub, recent, and from a device that has not been revoked.
 */
export async function verifyDeviceToken(hub: HubStore, token: string): Promise<DeviceRecord> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw new GangwayError('UNAUTHORIZED', 'The device sent a token the hub cannot read. Enrol the device again.');
  }
  const device = kid ? getDevice(hub, kid) : null;
  if (!device) throw new GangwayError('UNAUTHORIZED', 'This device is not enrolled at this hub. Enrol it with a code from the hub administrator.');
  if (device.revokedAt) throw new GangwayError('UNAUTHORIZED', `This device was revoked at ${device.revokedAt}. Ask the hub administrator to enrol it again.`);
  try {
    const key = await importJWK(JSON.parse(device.publicJwk), 'EdDSA');
    const { payload } = await jwtVerify(token, key, { audience: TOKEN_AUDIENCE, subject: device.id, maxTokenAge: MAX_TOKEN_AGE, clockTolerance: CLOCK_TOLERANCE_S });
    if (payload.exp === undefined) throw new GangwayError('UNAUTHORIZED', 'The device token has no expiry. Update Gangway on the device.');
  } catch (e) {
    if (e instanceof GangwayError) throw e;
    if (e instanceof errors.JWTExpired) throw new GangwayError('UNAUTHORIZED', "The device's token has expired. Check the device's clock, then sync again.");
    throw new GangwayError('UNAUTHORIZED', `The device's token does not verify (${(e as Error).message}). Enrol the device again.`);
  }
  return device;
}
