/**
 * The whole service at scale: writes a synthetic seed folder (bench:seed), starts the real
 * built server on it (`cli.js start` with SEED_DIR, NODE_ENV=production, in its own process)
 * and measures, from the outside as an operator would: time from spawn to the first 200 of
 * /readyz (read, validate, merge, index), resident memory at ready and after the searches,
 * the first `search` over HTTP and then search p50/p99 over names taken from the graph.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runChild } from '../lib/child';
import { summarize, type Latency } from '../lib/stats';
import type { WrittenSeed } from '../seed/write-seed';
import { searchTexts, type Named } from './search-texts';

export interface ServiceRun {
  readonly relations: number;
  readonly nodes: number;
  readonly graphMb: number;
  /** Spawn to the first 200 from /readyz. */
  readonly readyMs: number;
  /** What the server logged for opening the graph (read, validate, merge, index, replay). */
  readonly openGraphMs: number | undefined;
  /** CPU time the server used up to ready (user + system): the machine is shared. */
  readonly cpuAtReadyMs: number;
  readonly rssAtReadyMb: number;
  /** Peak resident memory up to ready (VmHWM). */
  readonly peakRssMb: number;
  readonly rssAfterSearchesMb: number;
  /** After the searches and IDLE_MS with nothing to do. */
  readonly rssIdleMb: number;
  readonly firstSearchMs: number;
  readonly search: Latency;
  /** Responses that carried GraphQL errors (a timed-out search counts here). */
  readonly searchErrors: number;
}

const CLI = path.join(__dirname, '..', '..', 'src', 'cli.js');
const READY_TIMEOUT_MS = 10 * 60_000;
const SEARCH = 'query Search($text: String!) { search(text: $text, first: 10) { exact score node { id name } } }';
const NAMES = 'query Names($first: Int) { cities(first: $first) { edges { node { name nameAr } } } }';
/** Idle time before the last memory reading: V8 gives freed memory back after a while idle. */
const IDLE_MS = 10_000;

interface NamesData {
  readonly cities?: { readonly edges?: readonly { readonly node: Named }[] };
}

/** User + system CPU time of a process, from /proc (USER_HZ is 100 on Linux). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), 1-based: utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/${pid}/status`);
  return (Number(match[1]) * 1024) / 1e6;
}

async function graphql(url: string, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

async function timedGraphql(url: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; ok: boolean }> {
  const start = performance.now();
  const body = await graphql(url, query, variables);
  return { ms: performance.now() - start, ok: body.data !== undefined && body.errors === undefined };
}

async function waitForReady(child: ChildProcess, base: string): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (performance.now() < deadline) {
    if (exited) throw new Error(`the server exited before /readyz answered (exit code ${child.exitCode})`);
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await sleep(25);
  }
  throw new Error(`/readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Writes a synthetic seed folder of `relations` relations (bench:seed, in its own process). */
export async function writeBenchSeed(relations: number): Promise<WrittenSeed> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `cities-kg-bench-seed-${relations}-`));
  return runChild<WrittenSeed>({
    script: 'seed/write-seed.js',
    args: ['--relations', String(relations), '--out', dir, '--json'],
    timeoutMs: 10 * 60_000,
  });
}

/**
 * A seed folder written before (`bench:seed -- --out DIR`), measured as it is: its graph
 * bytes from the files; its counts are taken from what the server logs once loaded.
 */
export async function existingSeed(dir: string): Promise<SeedFolder> {
  const graphDir = path.join(dir, 'graph');
  const files = (await readdir(graphDir)).filter((name) => name.endsWith('.json'));
  if (files.length === 0) throw new Error(`--seed ${dir}: no graph/*.json there`);
  const sizes = await Promise.all(files.map(async (name) => (await stat(path.join(graphDir, name))).size));
  return { dir, graphBytes: sizes.reduce((sum, size) => sum + size, 0) };
}

/** A seed folder to measure: counts known when this run wrote it, else read from the server's log. */
export type SeedFolder = Pick<WrittenSeed, 'dir' | 'graphBytes'> & Partial<Pick<WrittenSeed, 'nodes' | 'relations'>>;

/** Measures the service on a seed folder; `searches` timed searches. */
export async function runService(seed: SeedFolder, searches: number): Promise<ServiceRun> {
  const { dir } = seed;
  const journalDir = await mkdtemp(path.join(os.tmpdir(), 'cities-kg-bench-journal-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SEED_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    CURATION_DB: path.join(journalDir, 'curation.sqlite'),
    RATE_LIMIT_MAX: '0',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'start'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let log = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    if (log.length < 100_000) log += chunk;
  });
  try {
    await waitForReady(child, base);
    const readyMs = performance.now() - started;
    const pid = child.pid ?? 0;
    const cpuAtReadyMs = await cpuMs(pid);
    const rssAtReadyMb = await statusMb(pid, 'VmRSS');
    const peakRssMb = await statusMb(pid, 'VmHWM');
    const url = `${base}/graphql`;
    const names = (await graphql(url, NAMES, { first: 100 })).data as NamesData | undefined;
    const texts = searchTexts(names?.cities?.edges?.map((edge) => edge.node) ?? [], searches);
    const first = await timedGraphql(url, SEARCH, { text: texts[0] ?? 'karachi' });
    const times: number[] = [];
    let searchErrors = first.ok ? 0 : 1;
    for (const text of texts) {
      const run = await timedGraphql(url, SEARCH, { text });
      times.push(run.ms);
      if (!run.ok) searchErrors += 1;
    }
    const rssAfterSearchesMb = await statusMb(pid, 'VmRSS');
    await sleep(IDLE_MS);
    const rssIdleMb = await statusMb(pid, 'VmRSS');
    // A figure of the server's own "seed graph loaded" line, if it logged one.
    const logged = (key: string): number | undefined => {
      const figure = new RegExp(`"${key}":(\\d+)[^\\n]*"msg":"seed graph loaded"`).exec(log)?.[1];
      return figure === undefined ? undefined : Number(figure);
    };
    return {
      relations: seed.relations ?? logged('relations') ?? NaN,
      nodes: seed.nodes ?? logged('nodes') ?? NaN,
      graphMb: seed.graphBytes / 1e6,
      readyMs,
      cpuAtReadyMs,
      openGraphMs: logged('ms'),
      rssAtReadyMb,
      peakRssMb,
      rssAfterSearchesMb,
      rssIdleMb,
      firstSearchMs: first.ms,
      search: summarize(times),
      searchErrors,
    };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await Promise.race([once(child, 'exit'), sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(journalDir, { recursive: true, force: true });
  }
}

// `node service/run-service.js <relations> [searches]`: writes a seed of that size, measures,
// removes it. `node service/run-service.js --seed DIR [searches]`: measures a seed folder
// written before (writing 1M relations takes ~20 s a run). One measurement, printed as JSON.
if (require.main === module) {
  const [first, second, third] = process.argv.slice(2);
  const reused = first === '--seed';
  if (reused && second === undefined) throw new Error('usage: run-service.js <relations> [searches] | --seed DIR [searches]');
  const searches = Number((reused ? third : second) ?? 200);
  const measured = reused
    ? existingSeed(second ?? '').then((seed) => runService(seed, searches))
    : writeBenchSeed(Number(first)).then(async (seed) => {
        try {
          return await runService(seed, searches);
        } finally {
          await rm(seed.dir, { recursive: true, force: true });
        }
      });
  measured.then(
    (run) => process.stdout.write(`${JSON.stringify(run, null, 2)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
