/**
 * The HTTP benches measure in rounds (bench/lib/rounds.ts) and report each figure as the
 * median of the rounds with its range (bench/http/round-figures.ts): the targets of a case
 * are measured back to back in an order that reverses every other round, each ratio is taken
 * within one round, and issue 16's targets are judged on the medians. These are the pure
 * parts; no server runs here.
 */
import {
  cacheRowMet,
  cacheRows,
  floorRatioMet,
  formatSpread,
  httpRows,
  ratioSpreadText,
  requestsSpreadText,
  throughputMet,
  type CacheRound,
  type HttpRound,
  type HttpRow,
  type Measurement,
} from '../../bench/http/round-figures';
import { cacheTable } from '../../bench/http/run-cache';
import { median, measureInRounds, ratioOf, ratioPerRound, roundOptions, roundOrder, spreadOf } from '../../bench/lib/rounds';
import { httpTable } from '../../bench/report';

function measured(requestsPerSecond: number, extra: Partial<Measurement> = {}): Measurement {
  return { requestsPerSecond, p50Ms: 1, p99Ms: 5, non2xx: 0, errors: 0, ...extra };
}

/** A round with the stack at twice the server unless `extra` says otherwise. */
function httpRound(round: number, server: number, floor: number, extra: Partial<HttpRound> = {}): HttpRound {
  return {
    operation: 'node',
    connections: 16,
    round,
    order: roundOrder(['app', 'stack', 'floor'] as const, round),
    app: measured(server),
    stack: measured(server * 2),
    floor: measured(floor),
    ...extra,
  };
}

function cacheRound(round: number, uncached: number, cached: number, floor: number): CacheRound {
  return {
    operation: 'search',
    connections: 16,
    round,
    order: roundOrder(['uncached', 'cached', 'floor'] as const, round),
    uncached: measured(uncached),
    cached: measured(cached),
    floor: measured(floor),
  };
}

/** An HTTP row whose rounds gave these floor ÷ server ratios, with the server at `server` req/s. */
function rowWithRatios(ratios: readonly number[], server = 5000, operation: HttpRound['operation'] = 'node'): HttpRow {
  const [row] = httpRows(ratios.map((ratio, round) => httpRound(round, server, ratio * server, { operation })));
  if (!row) throw new Error('no row');
  return row;
}

/** The HTTP table of these rounds, with the report's other fields at placeholder values. */
function httpTableOf(measured: readonly HttpRound[], responseBytes: Record<string, number>): string[] {
  return httpTable({
    seedReadMs: 1,
    seedMergeMs: 1,
    seedRelations: 1,
    responseBytes,
    rounds: new Set(measured.map((round) => round.round)).size,
    durationSeconds: 3,
    warmUpSeconds: 1,
    measured,
  });
}

describe('the order of the targets in each round', () => {
  it('is as given in even rounds and reversed in odd ones (ABC, CBA, ABC, …)', () => {
    const targets = ['uncached', 'cached', 'floor'];
    expect([0, 1, 2, 3].map((round) => roundOrder(targets, round).join(' '))).toEqual([
      'uncached cached floor',
      'floor cached uncached',
      'uncached cached floor',
      'floor cached uncached',
    ]);
    expect(targets).toEqual(['uncached', 'cached', 'floor']);
  });

  it('measures every target of a case back to back, rounds as the outer loop, and keeps each result with its target', async () => {
    const calls: string[] = [];
    const rounds = await measureInRounds({
      cases: ['node', 'search'],
      targets: ['app', 'floor'] as const,
      rounds: 3,
      measure: (kase, target, round) => {
        calls.push(`${round}:${kase}:${target}`);
        return Promise.resolve(`${kase}/${target}/${round}`);
      },
    });
    expect(calls).toEqual([
      '0:node:app',
      '0:node:floor',
      '0:search:app',
      '0:search:floor',
      '1:node:floor',
      '1:node:app',
      '1:search:floor',
      '1:search:app',
      '2:node:app',
      '2:node:floor',
      '2:search:app',
      '2:search:floor',
    ]);
    expect(rounds.map((each) => [each.case, each.round, each.order.join(' ')])).toEqual([
      ['node', 0, 'app floor'],
      ['search', 0, 'app floor'],
      ['node', 1, 'floor app'],
      ['search', 1, 'floor app'],
      ['node', 2, 'app floor'],
      ['search', 2, 'app floor'],
    ]);
    expect(rounds[2]?.results).toEqual({ app: 'node/app/1', floor: 'node/floor/1' });
  });
});

describe('median and range', () => {
  it('takes the middle of an odd count and the mean of the two middles of an even one, whatever the input order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
    expect(spreadOf([3, 9, 1, 5, 7])).toEqual({ median: 5, min: 1, max: 9 });
  });

  it('refuses no values rather than making a figure up', () => {
    expect(() => median([])).toThrow('median of no values');
    expect(() => spreadOf([])).toThrow('spread of no values');
  });

  it('prints the median with the range beside it, and the median alone when the rounds agree', () => {
    expect(requestsSpreadText({ median: 3195.4, min: 3010.2, max: 3302.8 })).toBe('3195 (3010–3303)');
    expect(ratioSpreadText({ median: 4.123, min: 3.8, max: 4.5 })).toBe('4.12× (3.80–4.50×)');
    expect(formatSpread({ median: 2, min: 2, max: 2 }, (value) => value.toFixed(1), ' ms')).toBe('2.0 ms');
    expect(ratioSpreadText({ median: Infinity, min: 2, max: Infinity })).toBe('∞× (2.00–∞×)');
  });
});

describe('a ratio per round', () => {
  it('divides the two sides of the same round, not the medians of each side', () => {
    // Ratios 4, 2 and 1: median 2. The medians of each side (floor 30, server 10) would say 3.
    const rounds = [httpRound(0, 10, 40), httpRound(1, 10, 20), httpRound(2, 30, 30)];
    const spread = ratioPerRound(
      rounds,
      (round) => round.floor.requestsPerSecond,
      (round) => round.app.requestsPerSecond,
    );
    expect(spread).toEqual({ median: 2, min: 1, max: 4 });
    expect(httpRows(rounds)[0]?.floorOverServer).toEqual(spread);
  });

  it('is infinite when the denominator answered nothing, so it sorts and misses every target', () => {
    expect(ratioOf(100, 0)).toBe(Infinity);
    expect(ratioOf(0, 0)).toBe(Infinity);
    const [dead] = httpRows([httpRound(0, 0, 100), httpRound(1, 0, 100), httpRound(2, 10, 20)]);
    expect(dead?.floorOverServer).toEqual({ median: Infinity, min: 2, max: Infinity });
    expect(dead && floorRatioMet(dead)).toBe(false);
  });

  it("takes stack ÷ server (ours) and floor ÷ stack (the stack's own) within each round too", () => {
    // Stack ÷ server per round: 1.5, 3, 2 → median 2; floor ÷ stack: 4, 2, 5 → median 4.
    const rounds = [
      httpRound(0, 100, 600, { stack: measured(150) }),
      httpRound(1, 100, 600, { stack: measured(300) }),
      httpRound(2, 100, 1000, { stack: measured(200) }),
    ];
    const [row] = httpRows(rounds);
    expect(row?.stack.requestsPerSecond).toEqual({ median: 200, min: 150, max: 300 });
    expect(row?.stackOverServer).toEqual({ median: 2, min: 1.5, max: 3 });
    expect(row?.floorOverStack).toEqual({ median: 4, min: 2, max: 5 });
    // floor ÷ server is still server against floor (6, 6, 10), whatever the stack did.
    expect(row?.floorOverServer).toEqual({ median: 6, min: 6, max: 10 });
  });
});

describe('the rows of the HTTP bench', () => {
  it('groups rounds by concurrency and operation in the order measured, with median latencies and the worst round of errors', () => {
    const rounds: HttpRound[] = [
      httpRound(0, 100, 400, { app: measured(100, { p99Ms: 9, non2xx: 2, errors: 1 }) }),
      httpRound(0, 100, 400, { operation: 'search' }),
      httpRound(1, 200, 400, { app: measured(200, { p99Ms: 3, non2xx: 1 }), floor: measured(400, { non2xx: 4 }) }),
      httpRound(1, 100, 400, { operation: 'search' }),
      httpRound(2, 300, 600, { app: measured(300, { p99Ms: 4, errors: 2 }), stack: measured(600, { errors: 1 }) }),
      httpRound(2, 100, 400, { operation: 'search' }),
    ];
    const rows = httpRows(rounds);
    expect(rows.map((row) => `${row.connections} ${row.operation} ${row.rounds}`)).toEqual(['16 node 3', '16 search 3']);
    const node = rows[0];
    expect(node?.server.requestsPerSecond).toEqual({ median: 200, min: 100, max: 300 });
    expect(node?.floor.requestsPerSecond).toEqual({ median: 400, min: 400, max: 600 });
    expect(node?.floorOverServer).toEqual({ median: 2, min: 2, max: 4 });
    expect(node?.server.p99Ms).toBe(4);
    // Round 1 has 1 + 4 non-2xx (the most); round 2 has 2 + 1 errors, the stack's counted (the most).
    expect(node?.non2xx).toBe(5);
    expect(node?.errors).toBe(3);
  });
});

describe('met or missed, judged on the medians', () => {
  it('meets floor ÷ server ≤ 4× on a median at or under 4 even when one round is over', () => {
    expect(floorRatioMet(rowWithRatios([3.5, 4, 6]))).toBe(true);
  });

  it('misses it on a median over 4 even when one round is under', () => {
    expect(floorRatioMet(rowWithRatios([3, 4.2, 5]))).toBe(false);
  });

  it('asks peerNetwork for 4,000 req/s on the median beside the ratio, and no other operation', () => {
    expect(throughputMet(rowWithRatios([2, 2, 2], 5000))).toBeUndefined();
    expect(throughputMet(rowWithRatios([2, 2, 2], 5000, 'peerNetwork'))).toBe(true);
    expect(throughputMet(rowWithRatios([2, 2, 2], 3999, 'peerNetwork'))).toBe(false);
    expect(throughputMet(rowWithRatios([2, 2, 2], 4000, 'peerNetwork'))).toBe(true);
    const [slowMedian] = httpRows([
      httpRound(0, 9000, 18000, { operation: 'peerNetwork' }),
      httpRound(1, 3000, 6000, { operation: 'peerNetwork' }),
      httpRound(2, 3500, 7000, { operation: 'peerNetwork' }),
    ]);
    expect(slowMedian && throughputMet(slowMedian)).toBe(false);
  });

  it('judges no target at a concurrency issue 16 sets none for', () => {
    const table = httpTableOf([httpRound(0, 100, 800, { connections: 64 })], { node: 364 });
    expect(table[2]).toContain('| 8.00× | – |');
  });

  it('meets floor ÷ cached ≤ 1.5× on the median of the rounds', () => {
    // floor ÷ cached per round: 1.2, 1.5, 2 → median 1.5, met; 1.2, 1.6, 2 → missed.
    const met = cacheRows([cacheRound(0, 10, 100, 120), cacheRound(1, 10, 100, 150), cacheRound(2, 10, 100, 200)])[0];
    const missed = cacheRows([cacheRound(0, 10, 100, 120), cacheRound(1, 10, 100, 160), cacheRound(2, 10, 100, 200)])[0];
    expect(met?.floorOverCached).toEqual({ median: 1.5, min: 1.2, max: 2 });
    expect(met?.cachedOverUncached).toEqual({ median: 10, min: 10, max: 10 });
    expect(met && cacheRowMet(met)).toBe(true);
    expect(missed && cacheRowMet(missed)).toBe(false);
  });
});

describe('the tables', () => {
  it('say how many rounds the medians are of and print met or missed from them', () => {
    const http = httpTableOf([httpRound(0, 1000, 3000), httpRound(1, 1000, 5000), httpRound(2, 1000, 3500)], { node: 364 });
    expect(http[0]).toContain('server req/s, median of 3 rounds (range)');
    expect(http[0]).toContain('floor ÷ server per round, median of 3 rounds (range)');
    expect(http[0]).toContain("floor ÷ stack (the stack's own) per round, median of 3 rounds (range)");
    expect(http[2]).toContain(
      '| node (364) | 16 | 1000 | 1 / 5 | 2000 | 3500 (3000–5000) | 1 / 5 | 3.50× (3.00–5.00×) | ≤ 4×: met | 2.00× | 1.75× (1.50–2.50×) | 0 / 0 |',
    );
    const cache = cacheTable({
      connections: 16,
      rounds: 3,
      durationSeconds: 3,
      warmUpSeconds: 1,
      measured: [cacheRound(0, 10, 100, 120), cacheRound(1, 10, 100, 160), cacheRound(2, 10, 100, 200)],
    });
    expect(cache[0]).toContain('cached req/s, median of 3 rounds (range)');
    expect(cache[2]).toContain('| 1.60× (1.20–2.00×) missed |');
  });
});

describe("peerNetwork's two targets", () => {
  it('are judged each on its own in the HTTP table, so a met throughput is not read as missed', () => {
    const table = httpTableOf([httpRound(0, 5000, 30000, { operation: 'peerNetwork' })], { peerNetwork: 230 });
    expect(table[2]).toContain('| ≤ 4×: missed; ≥ 4,000 req/s: met |');
  });
});

describe('rounds and seconds from the command line or the environment', () => {
  const defaults = { rounds: 3, durationSeconds: 3 };

  it('takes --rounds and --seconds first, then BENCH_ROUNDS and BENCH_SECONDS, then the defaults', () => {
    expect(roundOptions([], {}, defaults)).toEqual(defaults);
    expect(roundOptions(['--rounds', '5'], { BENCH_SECONDS: '2' }, defaults)).toEqual({ rounds: 5, durationSeconds: 2 });
    expect(roundOptions(['--rounds=1', '--seconds', '1'], { BENCH_ROUNDS: '7' }, defaults)).toEqual({ rounds: 1, durationSeconds: 1 });
    expect(roundOptions(['--quick'], { BENCH_ROUNDS: '7' }, defaults)).toEqual({ rounds: 7, durationSeconds: 3 });
  });

  it('refuses a count that is not a whole number ≥ 1, naming the flag', () => {
    expect(() => roundOptions(['--rounds', '0'], {}, defaults)).toThrow("--rounds (or BENCH_ROUNDS) must be a whole number ≥ 1, got '0'");
    expect(() => roundOptions(['--rounds'], {}, defaults)).toThrow("got ''");
    expect(() => roundOptions(['--seconds', '2.5'], {}, defaults)).toThrow('--seconds (or BENCH_SECONDS)');
    expect(() => roundOptions([], { BENCH_ROUNDS: 'three' }, defaults)).toThrow("got 'three'");
  });
});
