import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** Answers gangway://app/<path> from the built renderer, refusing anything outside it. */
export function rendererResponse(root: string, requestUrl: string): Response {
  const url = new URL(requestUrl);
  const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
  const file = path.resolve(root, rel || 'index.html');
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    return new Response('Not found', { status: 404 });
  }
  const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' };
  if (file.endsWith('.html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  return new Response(fs.readFileSync(file), { headers });
}
