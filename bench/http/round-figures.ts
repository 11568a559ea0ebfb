/**
 * The HTTP and response-cache benchmarks' figures from their rounds (bench/lib/rounds.ts):
 * per row the median req/s of the rounds with their range, each ratio taken within a round
 * and summarised the same way, p50 / p99 as the median of the rounds, non-2xx and errors of
 * the worst round, and issue 16's targets judged on the medians. No IO: the bench scripts
 * measure, this module only reads what they measured.
 */
import type autocannon from 'autocannon';
import type { HttpOperation } from './operations';
import { median, ratioPerRound, spreadOf, type Spread } from '../lib/rounds';

/** One autocannon run against one target. */
export interface Measurement {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

export function measurementOf(result: autocannon.Result): Measurement {
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Issue 16's HTTP targets, all at 16 connections. */
export const HTTP_TARGETS = {
  connections: 16,
  /** floor ÷ server, uncached, for every operation. */
  floorOverServer: 4,
  /** req/s of the uncached server for peerNetwork. */
  peerNetworkRequestsPerSecond: 4000,
  /** floor ÷ cached server, a repeated query. */
  floorOverCached: 1.5,
} as const;

export type HttpTarget = 'app' | 'stack' | 'floor';

/** The server, the stack's ceiling and the floor for one operation at one concurrency, measured back to back in one round. */
export interface HttpRound {
  readonly operation: HttpOperation['name'];
  readonly connections: number;
  /** 0-based. */
  readonly round: number;
  readonly order: readonly HttpTarget[];
  readonly app: Measurement;
  /** Apollo Server and graphql-js alone over our schema, answering the same bytes (stack-ceiling.ts). */
  readonly stack: Measurement;
  readonly floor: Measurement;
}

export type CacheTarget = 'uncached' | 'cached' | 'floor';

/** The uncached server, the cached server and the floor for one repeated operation in one round. */
export interface CacheRound {
  readonly operation: HttpOperation['name'];
  readonly connections: number;
  readonly round: number;
  readonly order: readonly CacheTarget[];
  readonly uncached: Measurement;
  readonly cached: Measurement;
  readonly floor: Measurement;
}

/** One target's figures over the rounds: req/s as median and range, latency as the median of the rounds' percentiles. */
export interface TargetFigures {
  readonly requestsPerSecond: Spread;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface HttpRow {
  readonly operation: HttpOperation['name'];
  readonly connections: number;
  readonly rounds: number;
  readonly server: TargetFigures;
  readonly stack: TargetFigures;
  readonly floor: TargetFigures;
  /** floor ÷ server, one ratio per round. */
  readonly floorOverServer: Spread;
  /** stack ÷ server, one ratio per round: what our code costs on top of the stack. */
  readonly stackOverServer: Spread;
  /** floor ÷ stack, one ratio per round: the best floor ÷ server the mandated stack allows. */
  readonly floorOverStack: Spread;
  /** Of the round with the most (server, stack and floor together). */
  readonly non2xx: number;
  readonly errors: number;
}

export interface CacheRow {
  readonly operation: HttpOperation['name'];
  readonly connections: number;
  readonly rounds: number;
  readonly uncached: Spread;
  readonly cached: Spread;
  readonly floor: Spread;
  readonly cachedOverUncached: Spread;
  readonly floorOverCached: Spread;
  /** Median of the rounds' p99. */
  readonly cachedP99Ms: number;
  /** Of the round with the most (all three targets together). */
  readonly non2xx: number;
  readonly errors: number;
}

function figuresOf(measurements: readonly Measurement[]): TargetFigures {
  return {
    requestsPerSecond: spreadOf(measurements.map((each) => each.requestsPerSecond)),
    p50Ms: median(measurements.map((each) => each.p50Ms)),
    p99Ms: median(measurements.map((each) => each.p99Ms)),
  };
}

/** Per round, how many times the first target's req/s is the second's. */
function speedRatio<R>(rounds: readonly R[], over: (round: R) => Measurement, under: (round: R) => Measurement): Spread {
  return ratioPerRound(
    rounds,
    (round) => over(round).requestsPerSecond,
    (round) => under(round).requestsPerSecond,
  );
}

/** The largest count of a round, summed over the targets it measured. */
function worstTotal<R>(rounds: readonly R[], targets: (round: R) => readonly Measurement[], count: 'non2xx' | 'errors'): number {
  return Math.max(...rounds.map((round) => targets(round).reduce((sum, each) => sum + each[count], 0)));
}

/** The rounds grouped by operation and concurrency, in the order each pair was first measured. */
function byCase<R extends { readonly operation: string; readonly connections: number }>(rounds: readonly R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const round of rounds) {
    const key = `${round.connections} ${round.operation}`;
    const group = groups.get(key);
    if (group) group.push(round);
    else groups.set(key, [round]);
  }
  return [...groups.values()];
}

export function httpRows(rounds: readonly HttpRound[]): HttpRow[] {
  return byCase(rounds).flatMap((group): HttpRow[] => {
    const first = group[0];
    if (!first) return [];
    const all = (round: HttpRound): Measurement[] => [round.app, round.stack, round.floor];
    return [
      {
        operation: first.operation,
        connections: first.connections,
        rounds: group.length,
        server: figuresOf(group.map((round) => round.app)),
        stack: figuresOf(group.map((round) => round.stack)),
        floor: figuresOf(group.map((round) => round.floor)),
        floorOverServer: speedRatio(
          group,
          (round) => round.floor,
          (round) => round.app,
        ),
        stackOverServer: speedRatio(
          group,
          (round) => round.stack,
          (round) => round.app,
        ),
        floorOverStack: speedRatio(
          group,
          (round) => round.floor,
          (round) => round.stack,
        ),
        non2xx: worstTotal(group, all, 'non2xx'),
        errors: worstTotal(group, all, 'errors'),
      },
    ];
  });
}

export function cacheRows(rounds: readonly CacheRound[]): CacheRow[] {
  return byCase(rounds).flatMap((group): CacheRow[] => {
    const first = group[0];
    if (!first) return [];
    const all = (round: CacheRound): Measurement[] => [round.uncached, round.cached, round.floor];
    return [
      {
        operation: first.operation,
        connections: first.connections,
        rounds: group.length,
        uncached: spreadOf(group.map((round) => round.uncached.requestsPerSecond)),
        cached: spreadOf(group.map((round) => round.cached.requestsPerSecond)),
        floor: spreadOf(group.map((round) => round.floor.requestsPerSecond)),
        cachedOverUncached: speedRatio(
          group,
          (round) => round.cached,
          (round) => round.uncached,
        ),
        floorOverCached: speedRatio(
          group,
          (round) => round.floor,
          (round) => round.cached,
        ),
        cachedP99Ms: median(group.map((round) => round.cached.p99Ms)),
        non2xx: worstTotal(group, all, 'non2xx'),
        errors: worstTotal(group, all, 'errors'),
      },
    ];
  });
}

/** floor ÷ server ≤ 4× on the median of the rounds' ratios. */
export function floorRatioMet(row: HttpRow): boolean {
  return row.floorOverServer.median <= HTTP_TARGETS.floorOverServer;
}

/** ≥ 4,000 req/s on the median for peerNetwork; no such target for the other operations. */
export function throughputMet(row: HttpRow): boolean | undefined {
  return row.operation === 'peerNetwork' ? row.server.requestsPerSecond.median >= HTTP_TARGETS.peerNetworkRequestsPerSecond : undefined;
}

/** floor ÷ cached ≤ 1.5× on the median of the rounds' ratios. */
export function cacheRowMet(row: CacheRow): boolean {
  return row.floorOverCached.median <= HTTP_TARGETS.floorOverCached;
}

/** `median (min–max)`, or the median alone when every round gave the same figure (one round). */
export function formatSpread(spread: Spread, format: (value: number) => string, unit = ''): string {
  const middle = `${format(spread.median)}${unit}`;
  return spread.min === spread.max ? middle : `${middle} (${format(spread.min)}–${format(spread.max)}${unit})`;
}

export function requestsPerSecondText(value: number): string {
  return Number.isFinite(value) ? value.toFixed(0) : '–';
}

/** A ratio with two decimals; ∞ when the denominator answered nothing (bench/lib/rounds.ts ratioOf). */
export function ratioText(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  return Number.isFinite(value) ? value.toFixed(2) : '–';
}

/** A round count for column headers: "median of 3 rounds (range)". */
export function roundsHeading(rounds: number): string {
  return rounds === 1 ? 'one round' : `median of ${rounds} rounds (range)`;
}

/** The same for a ratio taken within each round: "per round, median of 3 rounds (range)". */
export function perRoundHeading(rounds: number): string {
  return rounds === 1 ? '(one round)' : `per round, median of ${rounds} rounds (range)`;
}

/** "3 rounds of 3 s per target", for the line under a table. */
export function roundsNote(rounds: number, durationSeconds: number): string {
  return `${rounds} round${rounds === 1 ? '' : 's'} of ${durationSeconds} s per target`;
}

/** req/s over the rounds: `3195 (3010–3302)`. */
export function requestsSpreadText(spread: Spread): string {
  return formatSpread(spread, requestsPerSecondText);
}

/** A ratio over the rounds: `4.12× (3.80–4.51×)`. */
export function ratioSpreadText(spread: Spread): string {
  return formatSpread(spread, ratioText, '×');
}
