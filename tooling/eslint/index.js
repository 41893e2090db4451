import { createRequire } from 'node:module';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of ARCHITECTURE.md §1, as import bans. Each package names its layer; the ban list says
 * what that layer must never import. `typeOnly` entries may still be imported with `import type`.
 */
const layerBans = {
  domain: {
    packages: ['@xinfang/db', '@xinfang/api', '@xinfang/client', '@xinfang/server', '@xinfang/security', 'kysely', 'vue', 'pg', 'fastify'],
    patterns: ['node:*', '@xinfang/db/*', '@xinfang/api/*', '@xinfang/client/*', '@xinfang/security/*'],
  },
  db: {
    packages: ['@xinfang/api', '@xinfang/client', '@xinfang/server', 'vue', 'fastify'],
    patterns: ['@xinfang/api/*', '@xinfang/client/*'],
  },
  api: {
    packages: ['@xinfang/client', '@xinfang/server', 'kysely', 'pg', 'vue'],
    patterns: ['@xinfang/client/*', 'kysely/*'],
  },
  server: {
    packages: ['@xinfang/client', 'kysely', 'pg', 'vue'],
    patterns: ['@xinfang/client/*', 'kysely/*'],
  },
  client: {
    packages: ['@xinfang/db', '@xinfang/server', 'kysely', 'pg', 'fastify'],
    patterns: ['@xinfang/db/*', 'node:*'],
    typeOnly: ['@xinfang/api'],
  },
  app: {
    packages: ['@xinfang/db', '@xinfang/server', 'kysely', 'pg', 'fastify'],
    patterns: ['@xinfang/db/*', 'node:*', '@xinfang/api/*'],
    typeOnly: ['@xinfang/api'],
  },
  tool: { packages: [], patterns: [] },
};

function layerRule(layer) {
  const bans = layerBans[layer];
  const paths = bans.packages.map((name) => ({ name, message: `The ${layer} layer must not import ${name} (ARCHITECTURE.md §1).` }));
  for (const name of bans.typeOnly ?? []) {
    paths.push({ name, message: `Import ${name} as types only.`, allowTypeImports: true });
  }
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { paths, patterns: bans.patterns.map((group) => ({ group: [group], message: `Not allowed in the ${layer} layer (ARCHITECTURE.md §1).` })) },
    ],
  };
}

/**
 * import-x reads the modules a file imports to follow chains of imports; it takes a parser by path, and a `.vue` file
 * needs vue-eslint-parser (a `.ts` file is read with the parser of the file being linted).
 */
const vueParserPath = createRequire(import.meta.url).resolve('vue-eslint-parser');

/**
 * @param {{ layer: keyof typeof layerBans, vue?: boolean, tsconfigRootDir: string, node?: boolean }} options
 */
export function createEslintConfig({ layer, vue = false, tsconfigRootDir, node = true }) {
  const files = vue ? ['**/*.ts', '**/*.vue'] : ['**/*.ts'];
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.d.ts', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    ...(vue ? pluginVue.configs['flat/recommended'] : []),
    {
      files,
      languageOptions: {
        globals: { ...(node ? globals.node : {}), ...(vue ? globals.browser : {}) },
        parserOptions: {
          projectService: true,
          tsconfigRootDir,
          extraFileExtensions: vue ? ['.vue'] : [],
          ...(vue ? { parser: tseslint.parser } : {}),
        },
      },
      plugins: { 'import-x': importX },
      settings: { 'import-x/extensions': ['.ts', '.vue'], 'import-x/parsers': { [vueParserPath]: ['.vue'] } },
      rules: {
        ...layerRule(layer),
        // no module may import itself through others (type-only imports do not count): a cycle is a layering mistake
        'import-x/no-cycle': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No export * barrels (ARCHITECTURE.md §2).' }],
      },
    },
    vue
      ? {
          files: ['**/*.vue'],
          languageOptions: { parser: pluginVue.configs['flat/base'][1]?.languageOptions?.parser },
          rules: { 'vue/multi-word-component-names': 'off', 'vue/max-attributes-per-line': 'off', 'vue/singleline-html-element-content-newline': 'off', 'vue/html-self-closing': 'off' },
        }
      : {},
    {
      // migrations are frozen in time and take Kysely<any> (ARCHITECTURE.md §4)
      files: ['**/migrations/**/*.ts'],
      rules: { '@typescript-eslint/no-explicit-any': 'off' },
    },
    {
      files: ['**/*.test.ts'],
      rules: {
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
      },
    },
  );
}
