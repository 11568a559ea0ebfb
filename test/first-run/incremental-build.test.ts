/**
 * The build (scripts/build.mjs, run by `npm start` and `npm test`) rebuilds exactly what is out
 * of date: nothing when nothing changed, and each step whose inputs changed. Works on a copy of
 * the project (sharing node_modules) that starts from the build `pretest` made, so editing its
 * schema and sources disturbs no other test.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

jest.setTimeout(240_000);

const COPIED = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'codegen.ts',
  'schema',
  'scripts',
  'src',
  'test/operations',
  'test/operations.generated.ts',
  'web',
  'dist',
];
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'cities-kg-build-'));
  for (const entry of COPIED) cpSync(path.join(PROJECT_ROOT, entry), path.join(copy, entry), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** Runs the build in the copy; returns the steps it ran (its `build: <step> (<why>)` lines). */
function build(): string[] {
  const result = spawnSync(process.execPath, [path.join(copy, 'scripts', 'build.mjs')], { cwd: copy, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stderr
    .split('\n')
    .filter((line) => line.startsWith('build: '))
    .map((line) => line.slice('build: '.length));
}

const read = (file: string): string => readFileSync(path.join(copy, file), 'utf8');
const append = (file: string, text: string): void => appendFileSync(path.join(copy, file), text);

it('builds nothing when nothing changed', () => {
  expect(build()).toEqual([]);
});

it('regenerates the types and recompiles the server when the schema changes, and leaves the page alone', () => {
  append('schema/node.graphql', '\n"Added by the build test."\ntype BuildProbe {\n  id: ID!\n}\n');
  expect(build()).toEqual(['codegen (schema/node.graphql changed)', 'server (src/api/resolvers-types.generated.ts changed)']);
  expect(read('src/api/resolvers-types.generated.ts')).toContain('BuildProbe');
  expect(build()).toEqual([]);
});

it('rebundles the page when its source changes, and only the page', () => {
  append('web/src/main.ts', "\nconsole.warn('build-probe-page');\n");
  expect(build()).toEqual(['web (web/src/main.ts changed)']);
  expect(read('web/dist/explorer.js')).toContain('build-probe-page');
});

it('rebuilds both the server and the page when code they share changes', () => {
  append('src/export/palette.ts', "\nexport const BUILD_PROBE = 'shared';\n");
  expect(build()).toEqual(['server (src/export/palette.ts changed)', 'web (src/export/palette.ts changed)']);
  expect(read('dist/src/export/palette.js')).toContain('BUILD_PROBE');
});

it('recompiles when an output was deleted, even though tsc kept its incremental state', () => {
  rmSync(path.join(copy, 'dist', 'src', 'cli.js'));
  expect(build()).toEqual(['server (dist/src/cli.js is missing)']);
  expect(read('dist/src/cli.js')).toContain('runCli');
});
