// Bundles the server with our workspace packages (their sources are TypeScript). npm packages the server
// declares in its own package.json stay external (native addons, wasm and packages that read their own files
// must be loaded from node_modules); any other package a workspace package pulls in is bundled, because
// node cannot resolve it from apps/server.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = new Set(Object.keys(manifest.dependencies ?? {}));
const packageNameOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

// Code a procedure loads with import() (PDF rendering) goes to its own chunk in dist/chunks, read when first used,
// so the server does not parse and keep it from the start. Old chunks (hashed names) are removed first.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });
/** Bundled packages that must stay out of what the server loads at start (a static import would undo it silently). */
const loadedOnDemand = ['pdf-lib', '@pdf-lib/fontkit', 'exceljs'];
const result = await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  // bundled CommonJS packages may call require()
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [
    {
      name: 'external-declared-dependencies',
      setup(builder) {
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          external.has(packageNameOf(args.path)) || args.path.startsWith('node:') ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});

const startOutputs = new Set(['dist/main.js']);
for (const path of startOutputs) {
  for (const imported of result.metafile.outputs[path].imports) if (imported.kind === 'import-statement' && !imported.external) startOutputs.add(imported.path);
}
const eager = [...startOutputs].flatMap((path) => Object.keys(result.metafile.outputs[path].inputs)).filter((input) => loadedOnDemand.some((name) => input.includes(`/node_modules/${name}/`)));
if (eager.length > 0) {
  const packages = new Set(eager.map((input) => packageNameOf(input.replace(/.*\/node_modules\//, ''))));
  throw new Error(`${[...packages].join(', ')}: in the code the server loads at start, but meant to be loaded on demand with import()`);
}
