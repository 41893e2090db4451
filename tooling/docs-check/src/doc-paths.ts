import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The top-level folders and files of the repository a document may name; other backticked text is not a path. */
const rootFolders = ['apps', 'packages', 'tooling', 'docs', 'e2e', 'bench', '.ci'];
const rootFiles = new Set(['README.md', 'CONTRIBUTING.md', 'package.json', 'turbo.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml', 'tsconfig.base.json', '.node-version']);

/** Stands for one `<placeholder>` of a documented path. */
const placeholder = '\u0000';

function withoutFencedCode(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
}

/**
 * The repository paths a markdown text names as inline code, relative to the repository's root, in order of appearance.
 * `<…>` placeholders are kept; commands, identifiers and fenced code blocks are not paths.
 * @example documentedPaths('Edit `packages/db/src/schema.ts` and run `pnpm test`.') // ['packages/db/src/schema.ts']
 */
export function documentedPaths(markdown: string): string[] {
  const paths: string[] = [];
  for (const match of withoutFencedCode(markdown).matchAll(/`([^`\n]+)`/g)) {
    const text = (match[1] ?? '').trim().replace(/^\.\//, '');
    const shape = text.replace(/<[^>]*>/g, placeholder);
    if (/\s/.test(shape)) continue;
    const top = shape.split('/')[0] ?? '';
    const isPath = (rootFolders.includes(top) && shape.includes('/')) || rootFiles.has(shape);
    if (isPath) paths.push(text);
  }
  return paths;
}

/**
 * The targets of a markdown text's relative links (no web addresses, no same-page anchors), without their `#anchor`.
 * @example linkTargets('See [the design](docs/ARCHITECTURE.md#1-the-packages) and [pnpm](https://pnpm.io).') // ['docs/ARCHITECTURE.md']
 */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const match of withoutFencedCode(markdown).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    targets.push(target.replace(/#.*$/, ''));
  }
  return targets;
}

function segmentPattern(segment: string): RegExp {
  const escaped = segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replaceAll(placeholder, '[^/]+').replaceAll('*', '[^/]*').replaceAll('…', '.*')}$`);
}

function existsFrom(directory: string, segments: readonly string[]): boolean {
  const [segment, ...rest] = segments;
  if (segment === undefined) return true;
  if (!segment.includes('*') && !segment.includes('…') && !segment.includes(placeholder)) {
    const next = join(directory, segment);
    return existsSync(next) && (rest.length === 0 || statSync(next).isDirectory()) && existsFrom(next, rest);
  }
  if (!existsSync(directory) || !statSync(directory).isDirectory()) return false;
  const pattern = segmentPattern(segment);
  return readdirSync(directory).some((entry) => pattern.test(entry) && (rest.length === 0 || existsFrom(join(directory, entry), rest)));
}

/**
 * Whether a documented path exists under `root`. A `<placeholder>` segment, or one with `*`, matches any entry it
 * could stand for, but at least one must exist; a placeholder inside a file name (`<area>.router.ts`) likewise.
 * @example pathExists(root, 'packages/api/src/modules/<area>/<area>.router.ts') // true while any module has a router
 */
export function pathExists(root: string, documented: string): boolean {
  const shape = documented.replace(/<[^>]*>/g, placeholder);
  const segments = shape.split('/').filter((segment) => segment !== '');
  return existsFrom(root, segments);
}

/** Where a relative link of the document at `documentPath` (relative to `root`) points. */
export function resolveLink(root: string, documentPath: string, target: string): string {
  return resolve(root, dirname(documentPath), target);
}
