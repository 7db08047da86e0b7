import { z } from 'zod';

/**
 * Errors are values with a code and a sentence for a person (DEVELOPERS.md, "Conventions").
 * Every edge (API, file import, serial line, sync message) answers with one of these.
 */
export const ErrorCode = z.enum([
  'VALIDATION', // the input does not match the schema; `issues` says where
  'NOT_FOUND',
  'CONFLICT', // e.g. a duplicate IMO or MMSI
  'UNKNOWN_METHOD',
  'NOT_IMPLEMENTED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'LOCKED', // the vault is locked: unlock with the passphrase
  'STORE_BUSY', // another process holds the database
  'STORE_CORRUPT',
  'STORE_READONLY',
  'STORE_MIGRATION',
  'IMPORT', // a file could not be imported; `issues` has rows
  'DEVICE', // hardware went away or speaks nonsense
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({
  path: z.string(), // "vessel.imo" or "line 14, column Amount"
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type ErrorShape = z.infer<typeof ErrorShape>;

export class GangwayError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GangwayError';
    this.code = code;
    this.issues = issues;
  }

  toJSON(): ErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static from(shape: ErrorShape): GangwayError {
    return new GangwayError(shape.code, shape.message, shape.issues);
  }
}

export function isGangwayError(e: unknown): e is GangwayError {
  return e instanceof GangwayError;
}

/** Turns zod's issues into sentences that name the field, for a person to fix. */
export function validationError(context: string, error: z.ZodError): GangwayError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new GangwayError('VALIDATION', `${context}: ${summary}${more}`, issues);
}
