/**
 * The built command line (dist/, made by `pretest`): `validate` lists every problem and
 * exits non-zero, and `start` refuses to serve an invalid graph and says why.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');

function seedWith(graphFiles: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cities-kg-seed-'));
  mkdirSync(path.join(dir, 'graph'));
  mkdirSync(path.join(dir, 'sources'));
  for (const name of readdirSync(path.join(PROJECT_ROOT, 'seed', 'sources'))) {
    copyFileSync(path.join(PROJECT_ROOT, 'seed', 'sources', name), path.join(dir, 'sources', name));
  }
  copyFileSync(path.join(PROJECT_ROOT, 'seed', 'graph', 'documents.json'), path.join(dir, 'graph', 'documents.json'));
  for (const [name, content] of Object.entries(graphFiles)) {
    writeFileSync(path.join(dir, 'graph', name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/** A curation journal of its own for each run, so tests never touch the repository's data/. */
function journalPath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-journal-')), 'curation.sqlite');
}

function run(args: string[], seedDir: string, extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, SEED_DIR: seedDir, PORT: '0', LOG_LEVEL: 'silent', CURATION_DB: journalPath(), ...extraEnv },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

const invalid = {
  'bad.json': {
    nodes: [
      {
        id: 'city:Karachi',
        label: 'City',
        kind: 'city',
        name: 'Karachi',
        nameAr: 'كراتشي',
        sources: [{ doc: 'doc:000', quote: 'كراتشي' }],
      },
    ],
    relations: [{ type: 'LEADS', from: 'city:karachi', to: 'person:nobody', title: 'Mayor', sources: [] }],
  },
  'broken.json': '{ "nodes": [',
};

describe('cli', () => {
  it('validate exits 0 and counts a valid graph', () => {
    const result = run(['validate'], seedWith({}));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/seed\/graph is valid: 5 nodes, 0 relations/);
  });

  it('report prints relation types per document, counts per confidence and examples per commitment of the seed', () => {
    const result = run(['report'], path.join(PROJECT_ROOT, 'seed'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\| relation type \| doc:000 \| doc:001 \| doc:002 \| doc:003 \| doc:004 \| all \|$/mu);
    expect(result.stdout).toMatch(/^\| HELD_IN( \| \d+){6} \|$/mu);
    expect(result.stdout).toMatch(/^\| INFERRED \| [1-9]\d* \|$/mu);
    expect(result.stdout).toMatch(/^\| 1 \(commitment:1\) \| [1-9]\d* \|/mu);
  });

  it('validate prints every problem with file, entity and code, and exits 1', () => {
    const result = run(['validate'], seedWith(invalid));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('graph/bad.json city:Karachi [BAD_ID]');
    expect(result.stderr).toContain('graph/bad.json city:karachi-LEADS->person:nobody [MISSING_ENDPOINT]');
    expect(result.stderr).toContain('[MISSING_PROVENANCE]');
    expect(result.stderr).toContain('graph/broken.json (file) [UNREADABLE]');
  });

  it('start refuses to serve an invalid graph, says why, and exits 1', () => {
    const result = run(['start'], seedWith(invalid));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refusing to serve an invalid graph');
    expect(result.stderr).toContain('[BAD_ID]');
  });

  it('rejects an unknown command with usage and exit 2', () => {
    const result = run(['frobnicate'], seedWith({}));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('usage:');
  });

  it('rejects bad configuration with the variable named', () => {
    const result = spawnSync(process.execPath, [CLI, 'start'], {
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});

/** The built CLI's `start`, serving until a signal; resolves once it logs its URL. */
async function startServing(env: Record<string, string>) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: { ...process.env, SEED_DIR: seedWith({}), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15_000);
    const poll = setInterval(() => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(match[1]);
      }
    }, 20);
  });
  return { child, url, exited, output: () => output };
}

describe('cli start', () => {
  // jest sets NODE_ENV=test, under which Apollo leaves signals alone; the service runs under
  // production and development, where Apollo would re-raise the signal (exit 143) itself.
  it.each([
    ['production', 'SIGTERM'],
    ['development', 'SIGTERM'],
    ['test', 'SIGTERM'],
    ['production', 'SIGINT'],
    ['development', 'SIGINT'],
  ] as const)('NODE_ENV=%s: serves, and on %s closes the journal, logs "stopped" and exits 0', async (nodeEnv, signal) => {
    const journal = journalPath();
    const server = await startServing({ NODE_ENV: nodeEnv, CURATION_DB: journal });
    const health = await fetch(server.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    server.child.kill(signal);
    await expect(server.exited).resolves.toEqual({ code: 0, signal: null });
    const stopped = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string })
      .find((entry) => entry.msg === 'cities-kg stopped');
    expect(stopped).toBeDefined();
    // SQLite removes the write-ahead log when the last connection closes cleanly: the
    // journal was closed, not abandoned.
    expect(existsSync(`${journal}-wal`)).toBe(false);
    expect(existsSync(journal)).toBe(true);
  });
});

describe('cli seed', () => {
  it('seeds a store, showing progress and what it created', () => {
    const result = run(['seed', '--store', 'memory'], seedWith({}));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('seeding memory: 5/5');
    expect(result.stdout).toContain('seeded memory: 5 nodes and 0 relations in the seed; created 5 nodes');
  });

  it('refuses --reset without --yes, and unknown flags, with exit 2', () => {
    const reset = run(['seed', '--store', 'memory', '--reset'], seedWith({}));
    expect(reset.status).toBe(2);
    expect(reset.stderr).toContain('--yes');
    const unknown = run(['seed', '--frobnicate'], seedWith({}));
    expect(unknown.status).toBe(2);
  });

  it('says what is missing when asked to seed Neo4j without NEO4J_URI', () => {
    const { NEO4J_URI: _unset, ...env } = process.env;
    const result = spawnSync(process.execPath, [CLI, 'seed', '--store', 'neo4j'], {
      env: { ...env, SEED_DIR: seedWith({}) },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('NEO4J_URI');
  });
});

describe('cli export and import', () => {
  const city = {
    id: 'city:karachi',
    label: 'City',
    kind: 'city',
    name: 'Karachi',
    nameAr: 'كراتشي',
    sources: [{ doc: 'doc:000', quote: 'أضواء المدينة: كراتشي باكستان' }],
  };
  // The seed rules want every city placed and no node alone: Karachi in Pakistan.
  const pakistan = { id: 'country:pk', label: 'Country', name: 'Pakistan', nameAr: 'باكستان', code: 'PK', sources: city.sources };
  const inPakistan = { type: 'IN_COUNTRY', from: 'city:karachi', to: 'country:pk', confidence: 'STATED', sources: city.sources };
  const cityFile = { nodes: [city, pakistan], relations: [inPakistan] };

  it('exports a backup of the whole graph that imports into an empty store', () => {
    const seed = seedWith({ 'city.json': cityFile });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-export-')), 'backup.json');
    const exported = run(['export', '--out', file], seed);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(`exported backup to ${file}`);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; counts: { nodes: number } };
    expect(backup).toMatchObject({ format: 'cities-kg-backup', counts: { nodes: 7, relations: 1 } });
    const imported = run(['import', '--file', file, '--store', 'memory'], seed);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('imported 7 nodes and 1 relations into the memory store');
  });

  it('refuses a backup that fails validation, naming the problem, and writes nothing', () => {
    const seed = seedWith({});
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-export-')), 'bad.json');
    const broken = {
      format: 'cities-kg-backup',
      version: 1,
      exportedAt: 'x',
      store: 'memory',
      counts: { nodes: 1, relations: 0 },
      graph: { nodes: [{ ...city, id: 'city:Bad' }], relations: [] },
    };
    writeFileSync(file, JSON.stringify(broken));
    const result = run(['import', '--file', file], seed);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[BAD_ID]');
  });

  it('exports GEXF for Gephi, and rejects an unknown format with exit 2', () => {
    const seed = seedWith({ 'city.json': cityFile });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-export-')), 'graph.gexf');
    const result = run(['export', '--format', 'gexf', '--out', file], seed);
    expect(result.status).toBe(0);
    const gexf = readFileSync(file, 'utf8');
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain('كراتشي');
    expect(run(['export', '--format', 'pdf'], seed).status).toBe(2);
    expect(run(['import'], seed).status).toBe(2);
  });

  it('exports the exchange network of the real seed as a CSV edge list, and refuses an unknown network or format with exit 2', () => {
    const seed = path.join(PROJECT_ROOT, 'seed');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-export-')), 'exchange.csv');
    const result = run(['export', '--network', 'exchange', '--format', 'csv', '--out', file], seed);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`exported the exchange network as csv to ${file}`);
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(header).toBe('source,source_name,source_country,target,target_name,target_country,weight,events,event_names,learned_from');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^(city|country):[a-z0-9-]+,/.test(row))).toBe(true);
    const unknown = run(['export', '--network', 'trade'], seed);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--network must be exchange');
    expect(run(['export', '--network', 'exchange', '--format', 'json'], seed).status).toBe(2);
  });
});
