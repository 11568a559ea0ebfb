/**
 * The HTTP benchmark: autocannon against the real server and against the bare-http floor,
 * each in its own process, at several concurrencies, with bounded durations and loopback
 * addresses only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { ServerReady } from './server-child';
import { HTTP_OPERATIONS, type HttpOperation } from './operations';

export interface HttpRun {
  readonly operation: HttpOperation['name'];
  readonly connections: number;
  readonly target: 'app' | 'floor';
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface HttpReport {
  readonly seedReadMs: number;
  readonly seedMergeMs: number;
  readonly seedRelations: number;
  readonly responseBytes: Readonly<Record<string, number>>;
  readonly runs: readonly HttpRun[];
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

export async function load(url: string, body: string, connections: number, durationSeconds: number): Promise<autocannon.Result> {
  return autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: durationSeconds });
}

export async function runHttpBench(options: {
  readonly concurrencies: readonly number[];
  readonly durationSeconds: number;
}): Promise<HttpReport> {
  const app = await startServerChild(['app']);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cities-kg-http-'));
  let floor: Started | undefined;
  try {
    const appUrl = `http://127.0.0.1:${app.ready.port}/graphql`;
    const bodies: Record<string, string> = {};
    for (const operation of HTTP_OPERATIONS) {
      const response = await fetch(appUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: operation.body });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"'))
        throw new Error(`${operation.name} failed on the real server: ${response.status} ${text.slice(0, 300)}`);
      bodies[operation.name] = text;
    }
    const bodiesFile = path.join(folder, 'bodies.json');
    await writeFile(bodiesFile, JSON.stringify(bodies));
    floor = await startServerChild(['floor', bodiesFile]);
    const runs: HttpRun[] = [];
    for (const connections of options.concurrencies) {
      for (const operation of HTTP_OPERATIONS) {
        for (const target of ['app', 'floor'] as const) {
          const url = target === 'app' ? appUrl : `http://127.0.0.1:${floor.ready.port}/${operation.name}`;
          const result = await load(url, operation.body, connections, options.durationSeconds);
          runs.push({
            operation: operation.name,
            connections,
            target,
            requestsPerSecond: result.requests.average,
            p50Ms: result.latency.p50,
            p99Ms: result.latency.p99,
            non2xx: result.non2xx,
            errors: result.errors,
          });
        }
      }
    }
    return {
      seedReadMs: app.ready.seedReadMs ?? Number.NaN,
      seedMergeMs: app.ready.seedMergeMs ?? Number.NaN,
      seedRelations: app.ready.seedRelations ?? 0,
      responseBytes: Object.fromEntries(Object.entries(bodies).map(([name, body]) => [name, Buffer.byteLength(body)])),
      runs,
    };
  } finally {
    await stop(app);
    if (floor) await stop(floor);
    await rm(folder, { recursive: true, force: true });
  }
}
