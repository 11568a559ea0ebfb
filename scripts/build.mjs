// Builds what is out of date, and only that, so a second `npm start` (or `npm test`) starts at once.
//
//   node scripts/build.mjs [--quiet] [codegen|server|web ...]      (no step named: all of them)
//
// Each step has a set of input files. After a step succeeds, the content hash of each of its
// inputs is written to dist/.build-stamps/<step>.json; the next run skips the step when every
// input hashes the same and its outputs exist. Content, not modification times: a checkout or
// a codegen run that rewrites identical bytes changes nothing. package-lock.json is an input
// of every step, so installing other versions of the tools rebuilds. Deleting dist/ rebuilds
// everything. tsc itself runs with --incremental, so a rebuild recompiles only what changed.
//
// --quiet prints nothing unless a step fails (then its whole output); otherwise one line per
// step that ran, saying why.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = path.join(ROOT, 'dist', '.build-stamps');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const CODEGEN = path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');

/** Files under `dir` (relative to the root) whose names end with one of `endings`; all files without endings. */
function filesUnder(dir, ...endings) {
  const absolute = path.join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (endings.length === 0 || endings.some((ending) => entry.name.endsWith(ending))))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/** The `include` entries of web/tsconfig.json that lie outside web/ (the shared ontology and palette). */
function webSharedSources() {
  const text = readFileSync(path.join(ROOT, 'web', 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const { include = [] } = JSON.parse(text);
  return include.filter((entry) => entry.startsWith('../')).map((entry) => path.join('web', entry));
}

const STEPS = {
  codegen: {
    needs: [],
    inputs: () => [
      ...filesUnder('schema', '.graphql'),
      ...filesUnder('test/operations', '.graphql'),
      ...filesUnder('web/operations', '.graphql'),
      'codegen.ts',
    ],
    outputs: ['src/api/resolvers-types.generated.ts', 'test/operations.generated.ts', 'web/src/operations.generated.ts'],
    // Its progress list is noise; what it prints is shown only when it fails.
    commands: [[CODEGEN, '--config', 'codegen.ts']],
    showOutput: 'on-failure',
  },
  server: {
    needs: ['codegen'],
    inputs: () => [...filesUnder('src', '.ts', '.json'), 'tsconfig.json', 'tsconfig.build.json'],
    outputs: ['dist/src/cli.js'],
    incremental: ['dist/.tsbuildinfo/build.tsbuildinfo'],
    commands: [[TSC, '-p', 'tsconfig.build.json']],
  },
  web: {
    // The page's operations are typed by codegen (web/src/operations.generated.ts).
    needs: ['codegen'],
    // Besides web/, what the bundle really read, as esbuild recorded it at the last build.
    inputs: () => [
      ...filesUnder('web/src'),
      ...filesUnder('web/public'),
      'web/build.mjs',
      'web/tsconfig.json',
      ...webSharedSources(),
      ...readRecordedInputs('web'),
    ],
    outputs: ['web/dist/explorer.js', 'web/dist/index.html'],
    incremental: ['dist/.tsbuildinfo/web.tsbuildinfo'],
    commands: [
      [TSC, '-p', 'web/tsconfig.json'],
      [path.join(ROOT, 'web', 'build.mjs'), '--inputs', recordedInputsFile('web')],
    ],
  },
};

function recordedInputsFile(step) {
  return path.join(STAMPS, `${step}.inputs.json`);
}

/** Files (relative to the root) a step's tool listed as read, outside node_modules (package-lock.json covers those). */
function readRecordedInputs(step) {
  const file = recordedInputsFile(step);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).filter((input) => !input.split(path.sep).includes('node_modules'));
}

function hashFile(file) {
  const absolute = path.join(ROOT, file);
  return existsSync(absolute) ? createHash('sha256').update(readFileSync(absolute)).digest('hex') : 'missing';
}

function currentHashes(step) {
  const files = [...new Set([...STEPS[step].inputs(), 'package-lock.json'])].sort();
  return Object.fromEntries(files.map((file) => [file, hashFile(file)]));
}

/** Why `step` must run, or undefined when it is up to date. */
function staleness(step, hashes) {
  const missing = STEPS[step].outputs.find((output) => !existsSync(path.join(ROOT, output)));
  if (missing !== undefined) return `${missing} is missing`;
  const stampFile = path.join(STAMPS, `${step}.json`);
  if (!existsSync(stampFile)) return 'not built yet';
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  const changed = Object.keys({ ...stamp, ...hashes }).filter((file) => stamp[file] !== hashes[file]);
  if (changed.length === 0) return undefined;
  const shown = changed.slice(0, 3).join(', ');
  return `${shown}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''} changed`;
}

function runStep(step, quiet) {
  const capture = quiet || STEPS[step].showOutput === 'on-failure';
  for (const [script, ...args] of STEPS[step].commands) {
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd: ROOT,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      if (capture) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
      process.stderr.write(`build: ${step} failed (${path.relative(ROOT, script)} ${args.join(' ')})\n`);
      process.exit(result.status ?? 1);
    }
  }
}

function build(requested, quiet) {
  const order = [];
  const visit = (step) => {
    if (order.includes(step)) return;
    STEPS[step].needs.forEach(visit);
    order.push(step);
  };
  requested.forEach(visit);
  mkdirSync(STAMPS, { recursive: true });
  for (const step of order) {
    const reason = staleness(step, currentHashes(step));
    if (reason === undefined) continue;
    if (!quiet) process.stderr.write(`build: ${step} (${reason})\n`);
    // tsc's incremental state says nothing about outputs deleted behind its back.
    if (STEPS[step].outputs.some((output) => !existsSync(path.join(ROOT, output)))) {
      for (const file of STEPS[step].incremental ?? []) rmSync(path.join(ROOT, file), { force: true });
    }
    const before = currentHashes(step);
    runStep(step, quiet);
    // The inputs a step records (esbuild's) are known only after it ran; the others are stamped
    // as they were when it started, so an edit made during the build is built next time.
    writeFileSync(path.join(STAMPS, `${step}.json`), `${JSON.stringify({ ...currentHashes(step), ...before }, null, 1)}\n`);
  }
}

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const named = args.filter((arg) => arg !== '--quiet');
const unknown = named.find((step) => !(step in STEPS));
if (unknown !== undefined) {
  process.stderr.write(`build: unknown step "${unknown}"; steps: ${Object.keys(STEPS).join(', ')}\n`);
  process.exit(2);
}
build(named.length > 0 ? named : Object.keys(STEPS), quiet);
