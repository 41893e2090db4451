// Bundles the server with our workspace packages (their sources are TypeScript). npm packages the server
// declares in its own package.json stay external (native addons, wasm and packages that read their own files
// must be loaded from node_modules); any other package a workspace package pulls in is bundled, because
// node cannot resolve it from apps/server.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = new Set(Object.keys(manifest.dependencies ?? {}));
const packageNameOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  logLevel: 'warning',
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
