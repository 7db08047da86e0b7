import type { ErrorShape } from '../../shared/errors';

/** A typed error shown as the sentence the core wrote for a person. */
export function ErrorNote({ error }: { error: ErrorShape | undefined }) {
  if (!error) return null;
  return (
    <div className="error-note" role="alert">
      {error.message}
    </div>
  );
}

/** Field-level messages from a VALIDATION error's issues, by field path. */
export function fieldErrors(error: ErrorShape | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) out[issue.path] ??= issue.message;
  return out;
}
