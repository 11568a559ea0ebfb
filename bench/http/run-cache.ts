/**
 * The response-cache benchmark: one query repeated (every request after the first is a
 * hit) against the real server holding no answers, the real server with its response cache
 * (32 MiB, the default), and the bare floor returning the same bytes, side by side in one
 * run: in rounds (bench/lib/rounds.ts), the three back to back per operation and round, the
 * order reversed every other round. Target: floor ÷ cached server ≤ 1.5× on the median of
 * the rounds' ratios.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureInRounds } from '../lib/rounds';
import { HTTP_OPERATIONS, type HttpOperation } from './operations';
import {
  cacheRowMet,
  cacheRows,
  measurementOf,
  ratioSpreadText,
  requestsSpreadText,
  perRoundHeading,
  roundsHeading,
  roundsNote,
  type CacheRound,
  type CacheTarget,
} from './round-figures';
import { load, startServerChild, stop, WARM_UP_SECONDS, type Started } from './run-http';

export const CACHE_BENCH_BYTES = 32 * 1024 * 1024;

export interface CacheReport {
  readonly connections: number;
  readonly rounds: number;
  readonly durationSeconds: number;
  /** Unrecorded load per target and operation before the first round. */
  readonly warmUpSeconds: number;
  /** Every round of every operation, in the order measured. */
  readonly measured: readonly CacheRound[];
}

export async function runCacheBench(options: {
  readonly connections: number;
  readonly rounds: number;
  readonly durationSeconds: number;
}): Promise<CacheReport> {
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
    const urlOf = (target: CacheTarget, operation: HttpOperation): string =>
      target === 'floor' ? `http://127.0.0.1:${floor.ready.port}/${operation.name}` : url(target === 'cached' ? cached : uncached);
    const targets: readonly CacheTarget[] = ['uncached', 'cached', 'floor'];
    for (const operation of HTTP_OPERATIONS) {
      for (const target of targets) await load(urlOf(target, operation), operation.body, options.connections, WARM_UP_SECONDS);
    }
    const measured = await measureInRounds({
      cases: HTTP_OPERATIONS,
      targets,
      rounds: options.rounds,
      measure: async (operation, target) =>
        measurementOf(await load(urlOf(target, operation), operation.body, options.connections, options.durationSeconds)),
    });
    return {
      connections: options.connections,
      rounds: options.rounds,
      durationSeconds: options.durationSeconds,
      warmUpSeconds: WARM_UP_SECONDS,
      measured: measured.map(({ case: operation, round, order, results }) => ({
        operation: operation.name,
        connections: options.connections,
        round,
        order,
        ...results,
      })),
    };
  } finally {
    for (const child of started) await stop(child);
    await rm(folder, { recursive: true, force: true });
  }
}

export function cacheTable(report: CacheReport): string[] {
  const across = roundsHeading(report.rounds);
  return [
    `| repeated operation | connections | uncached req/s, ${across} | cached req/s, ${across} | floor req/s, ${across} | cached ÷ uncached ${perRoundHeading(report.rounds)} | floor ÷ cached ${perRoundHeading(report.rounds)}; target ≤ 1.5× on the median | cached p99 ms, median | non-2xx / errors, worst round |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...cacheRows(report.measured).map(
      (row) =>
        `| ${row.operation} | ${row.connections} | ${requestsSpreadText(row.uncached)} | ${requestsSpreadText(row.cached)} | ${requestsSpreadText(row.floor)} | ${ratioSpreadText(row.cachedOverUncached)} | ${ratioSpreadText(row.floorOverCached)} ${cacheRowMet(row) ? 'met' : 'missed'} | ${row.cachedP99Ms} | ${row.non2xx} / ${row.errors} |`,
    ),
    '',
    `${roundsNote(report.rounds, report.durationSeconds)} (uncached, cached, floor back to back, the order reversed every other round) at ${report.connections} connections, after ${report.warmUpSeconds} s of warm-up per target and operation.`,
  ];
}
