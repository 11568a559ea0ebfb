// Lint: typescript-eslint strict + type-aware rules on our code; generated files excluded.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first (README, "Architecture"): a module (a folder or a file at
 * the top of src/) imports only modules of lower layers, never one of its own layer or above,
 * so imports run down and cannot form a circle. Entry points sit above every layer.
 */
const LAYERS = [
  ['domain', 'security', 'project-root'],
  ['config'],
  ['logger'],
  ['store'],
  ['errors', 'ingest', 'analytics', 'export'],
  ['curation', 'backup'],
  ['api'],
  ['http'],
  ['app'],
  ['cli'],
];
/** Process entries: `cli.ts` (dist/src/cli.js). */
const ENTRIES = { cli: ['cli'] };
/** Packages that only one edge may use: security/ stays pure, Express stays in http/, Apollo in api/ and http/. */
const PACKAGES = [
  { group: ['express', 'cors', 'express-rate-limit', '@as-integrations/*'], allowedIn: ['http'] },
  { group: ['@apollo/*'], allowedIn: ['api', 'http'] },
  { group: ['graphql'], allowedIn: ['api'] },
];
/** Deepest folder nesting under src/ (src/store/memory/traversal/x.ts is 3). */
const MAX_DEPTH = 4;

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** no-restricted-imports for the files of `name` at `depth` folders below src/ (0: a file at the top of src/). */
function layerRule(name, allowed, depth) {
  const modules = [...LAYERS.flat(), ...Object.keys(ENTRIES)];
  const forbidden = modules.filter((module) => module !== name && !allowed.includes(module));
  const toSrc = depth === 0 ? '\\./' : `(?:\\.\\./){${depth}}`;
  const where = depth === 0 ? `src/${name}.ts` : `src/${name}/`;
  return {
    patterns: [
      {
        regex: `^${toSrc}(?:${forbidden.map(escape).join('|')})(?:/|$)`,
        message: `${where} ${allowed.length > 0 ? `may import only ${allowed.join(', ')}` : 'imports nothing of ours'}: imports run down the layers (README, Architecture).`,
      },
      { regex: `^(?:\\.\\./){${depth + 1}}`, message: 'src/ imports nothing outside src/ (test/, bench/, web/).' },
      // The layer patterns read the path as written: `./../api` or `x/../api` would slip past them.
      {
        regex: '^\\./\\.\\./|[^./]/\\.\\.(?:/|$)|/\\./',
        message: 'write a relative import without detours (`../api/x`, not `./../api/x`).',
      },
      ...PACKAGES.filter((rule) => !rule.allowedIn.includes(name)).map((rule) => ({
        group: rule.group,
        message: `${rule.group.join(', ')}: only in src/${rule.allowedIn.join(', src/')}.`,
      })),
    ],
  };
}

const restrict = (files, name, allowed, depth) => ({
  files,
  rules: { 'no-restricted-imports': ['error', layerRule(name, allowed, depth)] },
});
const layerConfigs = [
  ...LAYERS.flatMap((layer, index) =>
    layer.flatMap((name) => {
      const allowed = LAYERS.slice(0, index).flat();
      // The module as a file at the top of src/ (config.ts), or as a folder (api/…).
      return [
        restrict([`src/${name}.ts`], name, allowed, 0),
        ...Array.from({ length: MAX_DEPTH }, (_, depth) => restrict([`src/${name}/${'*/'.repeat(depth)}*.ts`], name, allowed, depth + 1)),
      ];
    }),
  ),
  ...Object.entries(ENTRIES).map(([name, allowed]) => restrict([`src/${name}.ts`], name, allowed, 0)),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.generated.ts', 'web/dist/**', 'test/artifacts/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...layerConfigs,
  {
    // The explorer page runs in the browser, its build script in Node.
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
