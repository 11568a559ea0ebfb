/**
 * The response-cache benchmark: one query repeated (every request after the first is a
 * hit) against the real server holding no answers, the real server with its response cache
 * (32 MiB, the default), and the bare floor returning the same bytes, side by side in one
 * run. Target: floor ÷ cached server ≤ 1.5×.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HTTP_OPERATIONS, type HttpOperation } from './operations';
import { load, startServerChild, stop, type Started } from './run-http';

export const CACHE_BENCH_BYTES = 32 * 1024 * 1024;

export interface CacheRun {
  readonly operation: HttpOperation['name'];
  readonly connections: number;
  readonly uncached: number;
  readonly cached: number;
  readonly floor: number;
  readonly cachedP99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

export async function runCacheBench(options: { readonly connections: number; readonly durationSeconds: number }): Promise<CacheRun[]> {
  const started: Started[] = [];
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cities-kg-cache-'));
  try {
    const uncached = await startServerChild(['app', '0']);
    started.push(uncached);
    const cached = await startServerChild(['app', String(CACHE_BENCH_BYTES)]);
    started.push(cached);
    const url = (child: Started): string => `http://127.0.0.1:${child.ready.port}/graphql`;
    const bodies: Record<string, string> = {};
    for (const operation of HTTP_OPERATIONS) {
      const answers = await Promise.all(
        [uncached, cached].map(async (child) => {
          const response = await fetch(url(child), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: operation.body,
          });
          return { ok: response.ok, text: await response.text() };
        }),
      );
      const [plain, held] = answers;
      if (!plain?.ok || !held?.ok || plain.text !== held.text || plain.text.includes('"errors"')) {
        throw new Error(`${operation.name}: the cached and uncached servers disagree or fail: ${(held?.text ?? '').slice(0, 300)}`);
      }
      bodies[operation.name] = plain.text;
    }
    const bodiesFile = path.join(folder, 'bodies.json');
    await writeFile(bodiesFile, JSON.stringify(bodies));
    const floor = await startServerChild(['floor', bodiesFile]);
    started.push(floor);
    const runs: CacheRun[] = [];
    for (const operation of HTTP_OPERATIONS) {
      const measure = (target: string) => load(target, operation.body, options.connections, options.durationSeconds);
      const plain = await measure(url(uncached));
      const held = await measure(url(cached));
      const bare = await measure(`http://127.0.0.1:${floor.ready.port}/${operation.name}`);
      runs.push({
        operation: operation.name,
        connections: options.connections,
        uncached: plain.requests.average,
        cached: held.requests.average,
        floor: bare.requests.average,
        cachedP99Ms: held.latency.p99,
        non2xx: plain.non2xx + held.non2xx + bare.non2xx,
        errors: plain.errors + held.errors + bare.errors,
      });
    }
    return runs;
  } finally {
    for (const child of started) await stop(child);
    await rm(folder, { recursive: true, force: true });
  }
}

export function cacheTable(runs: readonly CacheRun[]): string[] {
  const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  return [
    '| repeated operation | connections | uncached req/s | cached req/s | floor req/s | cached ÷ uncached | floor ÷ cached (target ≤ 1.5×) | cached p99 ms | non-2xx / errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(
      (run) =>
        `| ${run.operation} | ${run.connections} | ${run.uncached.toFixed(0)} | ${run.cached.toFixed(0)} | ${run.floor.toFixed(0)} | ${ratio(run.cached, run.uncached)} | ${ratio(run.floor, run.cached)} ${run.floor <= 1.5 * run.cached ? 'met' : 'missed'} | ${run.cachedP99Ms} | ${run.non2xx} / ${run.errors} |`,
    ),
  ];
}
