import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
  app: string;
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipKb: number;
}

/**
 * The JS and CSS a browser fetches before the app's first screen: the entry script, its stylesheets and the
 * modulepreloads named in dist/index.html, each gzipped (level 6, a common server setting), summed.
 */
export function firstLoadSize(root: string, app: 'kiosk' | 'console'): FirstLoad {
  const dist = join(root, 'apps', app, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const references = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) references.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)) references.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g)) references.add(match[1]!);
  const files = [...references].map((reference) => {
    const relative = reference.replace(/^\/(console|kiosk)\//, '').replace(/^\//, '');
    const content = readFileSync(join(dist, relative));
    return { path: relative, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
  });
  const gzipKb = Math.round((files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024) * 10) / 10;
  return { app, files, gzipKb };
}
