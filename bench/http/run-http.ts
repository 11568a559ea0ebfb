/**
 * The HTTP benchmark: autocannon against the real server, the stack's ceiling (Apollo Server
 * and graphql-js alone, stack-ceiling.ts) and the bare-http floor, each in its own process,
 * at several concurrencies, with bounded durations and loopback addresses only. Measured in
 * rounds (bench/lib/rounds.ts): each round times the server, the stack and the floor back to
 * back for every operation and concurrency, the order reversed every other round, so each
 * round gives its ratios from figures taken under the same load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { measureInRounds, type RoundOptions } from '../lib/rounds';
import type { ServerReady } from './server-child';
import { HTTP_OPERATIONS, type HttpOperation } from './operations';
import { measurementOf, type HttpRound, type HttpTarget } from './round-figures';
import { withTypenames, type RecordedData } from './stack-ceiling';

export interface HttpReport {
  readonly seedReadMs: number;
  readonly seedMergeMs: number;
  readonly seedRelations: number;
  readonly responseBytes: Readonly<Record<string, number>>;
  readonly rounds: number;
  readonly durationSeconds: number;
  /** Unrecorded load per target and operation before the first round. */
  readonly warmUpSeconds: number;
  /** Every round of every operation at every concurrency, in the order measured. */
  readonly measured: readonly HttpRound[];
}

export interface Started {
  readonly child: ChildProcess;
  readonly ready: ServerReady;
}

/** Starts bench/http/server-child.js with `args`; `nodeArgs` go to Node itself (e.g. `--cpu-prof`). */
export function startServerChild(args: readonly string[], nodeArgs: readonly string[] = []): Promise<Started> {
  const script = path.join(__dirname, 'server-child.js');
  // NODE_ENV=production as a deployment runs it (graphql-js drops its development checks).
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the bench server did not start within 60 s'));
    }, 60_000);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const line = output.split('\n').find((each) => each.startsWith('{'));
      if (line && output.includes('\n')) {
        clearTimeout(timer);
        resolve({ child, ready: JSON.parse(line) as ServerReady });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited with ${code}`));
    });
  });
}

export function stop(started: Started): Promise<void> {
  return new Promise((resolve) => {
    if (started.child.exitCode !== null) return resolve();
    started.child.removeAllListeners('exit');
    started.child.once('exit', () => resolve());
    started.child.kill('SIGTERM');
  });
}

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${url} answered ${response.status} ${text.slice(0, 300)}`);
  return text;
}

/** The real server's data for each operation with `__typename` everywhere, for the stack's resolvers. */
async function recordForStack(appUrl: string): Promise<Record<string, RecordedData>> {
  const recorded: Record<string, RecordedData> = {};
  for (const operation of HTTP_OPERATIONS) {
    const { query, variables } = JSON.parse(operation.body) as { query: string; variables: unknown };
    const answer = JSON.parse(await post(appUrl, JSON.stringify({ query: withTypenames(query), variables }))) as { data: RecordedData };
    recorded[operation.name] = answer.data;
  }
  return recorded;
}

export async function load(url: string, body: string, connections: number, durationSeconds: number): Promise<autocannon.Result> {
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: durationSeconds });
}

/**
 * Three rounds of 3 s per target: against one run of 5 s, the HTTP parts of `npm run bench`
 * take about 1.9 times as long, and each ratio has three independent readings.
 */
export const HTTP_ROUND_DEFAULTS: RoundOptions = { rounds: 3, durationSeconds: 3 };

/** One unrecorded second per target and operation before the first round, so no round times a cold JIT. */
export const WARM_UP_SECONDS = 1;

export async function runHttpBench(options: {
  readonly concurrencies: readonly number[];
  readonly rounds: number;
  readonly durationSeconds: number;
}): Promise<HttpReport> {
  const app = await startServerChild(['app']);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cities-kg-http-'));
  let floor: Started | undefined;
  let stack: Started | undefined;
  try {
    const appUrl = `http://127.0.0.1:${app.ready.port}/graphql`;
    const bodies: Record<string, string> = {};
    for (const operation of HTTP_OPERATIONS) bodies[operation.name] = await post(appUrl, operation.body);
    const bodiesFile = path.join(folder, 'bodies.json');
    await writeFile(bodiesFile, JSON.stringify(bodies));
    const recordedFile = path.join(folder, 'recorded.json');
    await writeFile(recordedFile, JSON.stringify(await recordForStack(appUrl)));
    const bare = await startServerChild(['floor', bodiesFile]);
    floor = bare;
    const ceiling = await startServerChild(['stack', recordedFile]);
    stack = ceiling;
    const stackUrl = `http://127.0.0.1:${ceiling.ready.port}/graphql`;
    // The stack must answer the very bytes the server answers, or it measures other work.
    for (const operation of HTTP_OPERATIONS) {
      const answer = await post(stackUrl, operation.body);
      if (answer !== bodies[operation.name])
        throw new Error(`the stack's ${operation.name} answer differs from the server's: ${answer.slice(0, 300)}`);
    }
    const urlOf = (target: HttpTarget, operation: HttpOperation): string => {
      if (target === 'app') return appUrl;
      return target === 'stack' ? stackUrl : `http://127.0.0.1:${bare.ready.port}/${operation.name}`;
    };
    const targets: readonly HttpTarget[] = ['app', 'stack', 'floor'];
    const warmUpConnections = options.concurrencies[0] ?? 1;
    for (const operation of HTTP_OPERATIONS) {
      for (const target of targets) await load(urlOf(target, operation), operation.body, warmUpConnections, WARM_UP_SECONDS);
    }
    const cases = options.concurrencies.flatMap((connections) => HTTP_OPERATIONS.map((operation) => ({ operation, connections })));
    const measured = await measureInRounds({
      cases,
      targets,
      rounds: options.rounds,
      measure: async ({ operation, connections }, target) =>
        measurementOf(await load(urlOf(target, operation), operation.body, connections, options.durationSeconds)),
    });
    return {
      seedReadMs: app.ready.seedReadMs ?? Number.NaN,
      seedMergeMs: app.ready.seedMergeMs ?? Number.NaN,
      seedRelations: app.ready.seedRelations ?? 0,
      responseBytes: Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, Buffer.byteLength(body)])),
      rounds: options.rounds,
      durationSeconds: options.durationSeconds,
      warmUpSeconds: WARM_UP_SECONDS,
      measured: measured.map(({ case: { operation, connections }, round, order, results }) => ({
        operation: operation.name,
        connections,
        round,
        order,
        app: results.app,
        stack: results.stack,
        floor: results.floor,
      })),
    };
  } finally {
    await stop(app);
    if (floor) await stop(floor);
    if (stack) await stop(stack);
    await rm(folder, { recursive: true, force: true });
  }
}
