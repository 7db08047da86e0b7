/**
 * The one Content-Security-Policy for Gangway's UI, in both shells (Electron's
 * gangway:// protocol and the local server): our scripts only, no inline
 * script, no eval, nothing remote (there is no network at sea anyway).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
