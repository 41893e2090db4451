import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/kiosk/dist');
const budgetBytes = 150 * 1024;

function gzipSize(file: string): number {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}

/** The files a chunk pulls in statically (imports and the CSS Vite links to it), following the graph. */
function staticClosure(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    // static `import … from "./x.js"` and bare `import "./x.js"`; dynamic import("./x.js") is lazy and left out
    for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+)["']/g)) queue.push(`assets/${match[1]!}`);
  }
  return seen;
}

describe('the kiosk bundle', () => {
  it('loads the home screen with under 150 KB of JS and CSS (gzip), the QR and print code left for later', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const linked = [...html.matchAll(/(?:src|href)="\/kiosk\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
    const entry = linked.find((file) => file.endsWith('.js'))!;
    const entryCode = readFileSync(join(dist, entry), 'utf8');
    // the home route's own chunk and the CSS Vite preloads with it
    const homeChunk = /assets\/home-view-[\w-]+\.js/.exec(entryCode)?.[0];
    expect(homeChunk).toBeDefined();
    const homeCss = [...entryCode.matchAll(/assets\/home-view-[\w-]+\.css/g)].map((match) => match[0]);
    const files = staticClosure([...linked, homeChunk!, ...homeCss]);
    const total = [...files].reduce((sum, file) => sum + gzipSize(file), 0);
    console.info(`kiosk first load: ${[...files].join(', ')} = ${(total / 1024).toFixed(1)} KB gzip`);
    expect([...files].some((file) => /qrcode|browser-|receipt-print/.test(file))).toBe(false);
    expect(total).toBeLessThan(budgetBytes);
  });
});
