import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedPaths, linkTargets, pathExists, resolveLink } from './doc-paths.ts';

const root = resolve(import.meta.dirname, '../../..');

/** The documents whose paths and links must exist. */
const checkedDocuments = ['CONTRIBUTING.md', 'README.md', 'docs/ARCHITECTURE.md', 'docs/DOMAIN.md'];

/** Paths that exist only after a build or a test run (they are ignored by git), with why a document names them. */
const generatedPaths = new Set([
  'e2e/screenshots/', // written by the browser tests, for people to look at
]);

describe('the path extractor', () => {
  it.each([
    ['a file', 'Edit `packages/db/src/schema.ts` now.', ['packages/db/src/schema.ts']],
    ['a folder and a root file', '`apps/kiosk/` and `turbo.json`', ['apps/kiosk/', 'turbo.json']],
    ['a placeholder with spaces', '`packages/db/src/migrations/<UTC yyyymmddhhmmss>_<what>.ts`', ['packages/db/src/migrations/<UTC yyyymmddhhmmss>_<what>.ts']],
    ['not a command, an identifier or a package name', '`pnpm --filter @xinfang/db test`, `applyAction`, `@xinfang/domain/testing`', []],
    ['not inside a fenced block', '```sh\ncat `packages/x.ts`\n```\n', []],
  ])('%s', (_, markdown, expected) => {
    expect(documentedPaths(markdown)).toEqual(expected);
  });

  it('finds relative links, not web addresses or anchors', () => {
    expect(linkTargets('[a](docs/DOMAIN.md#2-glossary) [b](https://example.org) [c](#top) [d](../CONTRIBUTING.md)')).toEqual(['docs/DOMAIN.md', '../CONTRIBUTING.md']);
  });

  it.each([
    ['an existing file', 'tooling/docs-check/src/doc-paths.ts', true],
    ['a missing file', 'tooling/docs-check/src/no-such-file.ts', false],
    ['a placeholder folder', 'packages/api/src/modules/<area>/', true],
    ['a placeholder in a file name', 'packages/api/src/modules/<area>/<area>.router.ts', true],
    ['a star', 'apps/kiosk/src/features/submit/submit-step-*.vue', true],
    ['a star that matches nothing', 'apps/kiosk/src/features/submit/no-step-*.vue', false],
    ['a file used as a folder', 'turbo.json/x', false],
  ])('%s', (_, path, expected) => {
    expect(pathExists(root, path)).toBe(expected);
  });
});

describe.each(checkedDocuments)('%s', (document) => {
  const markdown = readFileSync(resolve(root, document), 'utf8');

  it('names only paths that exist', () => {
    const paths = documentedPaths(markdown);
    expect(paths.length).toBeGreaterThan(0);
    const missing = paths.filter((path) => !generatedPaths.has(path) && !pathExists(root, path));
    expect(missing).toEqual([]);
  });

  it('links only to files that exist', () => {
    const missing = linkTargets(markdown).filter((target) => !existsSync(resolveLink(root, document, target)));
    expect(missing.map((target) => relative(root, resolveLink(root, document, target)))).toEqual([]);
  });
});
