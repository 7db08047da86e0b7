import type { ErrorCode } from '../../shared/errors';

/** HTTP status for each error code of the wire protocol (README, "Scripting Gangway"). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  IMPORT: 422,
  LOCKED: 423,
  INTERNAL: 500,
  STORE_CORRUPT: 500,
  STORE_MIGRATION: 500,
  NOT_IMPLEMENTED: 501,
  DEVICE: 502,
  STORE_BUSY: 503,
  STORE_READONLY: 507,
};
