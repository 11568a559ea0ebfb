/**
 * The production install (the Dockerfile's `npm prune --omit=dev`) runs the service:
 *
 * - every package the built server (dist/src, made by `pretest`) requires is a `dependency`;
 * - the built server starts and answers from a folder that holds only what the image holds:
 *   dist/, schema/, seed/, web/dist/, package.json and the production dependencies, copied
 *   from the packages `npm ls --omit=dev` names (copies, not links, so nothing resolves back
 *   into this checkout's dev dependencies).
 */
import { execFileSync, spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { collectOutput, exitOf, freePort, freshJournal, npmCommand, waitForStatus } from './processes';

jest.setTimeout(180_000);

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as Manifest;

/** `express`, `@apollo/server/errors` → `@apollo/server`, `node:fs` → undefined (built in). */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The packages each built file requires or imports (tsc writes `require("x")`; dynamic imports stay `import("x")`). */
function runtimeImports(dir: string): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const [, specifier = ''] of code.matchAll(/\b(?:require|import)\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
      const name = packageOf(specifier);
      if (name !== undefined) byPackage.set(name, [...(byPackage.get(name) ?? []), `dist/src/${file}`]);
    }
  }
  return byPackage;
}

it('requires at run time only packages listed in dependencies', () => {
  const imports = runtimeImports(path.join(PROJECT_ROOT, 'dist', 'src'));
  expect(imports.size).toBeGreaterThan(10);
  const notDependencies = [...imports]
    .filter(([name]) => !(name in manifest.dependencies))
    .map(([name, files]) => `${name} (${files.join(', ')})`);
  expect(notDependencies).toEqual([]);
});

describe('the built server with production dependencies only', () => {
  let app: string;

  beforeAll(() => {
    app = mkdtempSync(path.join(tmpdir(), 'cities-kg-production-'));
    for (const entry of ['package.json', 'dist/src', 'schema', 'seed', 'web/dist']) {
      cpSync(path.join(PROJECT_ROOT, entry), path.join(app, entry), { recursive: true });
    }
    const [command, args] = npmCommand(['ls', '--omit=dev', '--all', '--parseable']);
    const packages = execFileSync(command, args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
      .trim()
      .split('\n')
      .filter((dir) => dir !== PROJECT_ROOT);
    expect(packages.length).toBeGreaterThan(50);
    for (const dir of packages) {
      const relative = path.relative(PROJECT_ROOT, dir);
      // Each package without its own node_modules/: the packages in there are listed (and copied) on their own.
      cpSync(dir, path.join(app, relative), {
        recursive: true,
        filter: (source) => source === dir || !source.startsWith(path.join(dir, 'node_modules')),
      });
    }
    writeFileSync(path.join(app, 'PACKAGES.txt'), `${packages.map((dir) => path.relative(PROJECT_ROOT, dir)).join('\n')}\n`);
  });

  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('holds none of the dev dependencies', () => {
    const copied = readFileSync(path.join(app, 'PACKAGES.txt'), 'utf8');
    for (const name of ['jest', 'typescript', 'esbuild', 'sigma', '@sparticuz/chromium'])
      expect(copied).not.toContain(`node_modules/${name}\n`);
  });

  it('starts in production mode, serves the graph and the explorer, and stops on SIGTERM', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [path.join(app, 'dist', 'src', 'cli.js'), 'start'], {
      cwd: app,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        CURATION_DB: freshJournal(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(server);
    const exited = exitOf(server);
    try {
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, server, 60_000, output);
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ subgraph(ids: ["city:karachi"], depth: 1, layout: FORCEATLAS2) { nodes { id x } } }' }),
      });
      const body = (await answer.json()) as { data?: { subgraph: { nodes: { id: string; x: number | null }[] } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.subgraph.nodes.length).toBeGreaterThan(1);
      expect(body.data?.subgraph.nodes.every((node) => typeof node.x === 'number')).toBe(true);
      await expect(fetch(`http://127.0.0.1:${port}/explorer/`).then((response) => response.status)).resolves.toBe(200);
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  });
});
