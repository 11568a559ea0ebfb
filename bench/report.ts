/**
 * Turns the runs into the one markdown report `npm run bench` prints: first one summary
 * table of issue 16's figures with their ratios (to Kuzu, to the floor, cached ÷ uncached)
 * and targets, then the details: store table (memory store beside Kuzu, with ratios and
 * answer agreement), the service at scale, HTTP (server beside the bare floor), the response
 * cache, the analyst questions at scale, the Neo4j seeder's statements, store round trips,
 * and every target with met / missed.
 */
import type { AnalyticsRun } from './analytics/child';
import { analyticsTable } from './analytics/run-analytics';
import {
  cacheRowMet,
  cacheRows,
  floorRatioMet,
  httpRows,
  HTTP_TARGETS,
  ratioSpreadText,
  requestsPerSecondText,
  requestsSpreadText,
  perRoundHeading,
  roundsHeading,
  roundsNote,
  throughputMet,
  type HttpRow,
} from './http/round-figures';
import { cacheTable, type CacheReport } from './http/run-cache';
import type { HttpReport } from './http/run-http';
import type { Machine } from './lib/machine';
import type { Latency } from './lib/stats';
import type { RoundTrip } from './roundtrips/run-roundtrips';
import type { SeedStatements } from './neo4j/seed-statements';
import type { LoadPhases } from './service/load-phases';
import type { ServiceRun } from './service/run-service';
import type { Operation, StoreRun } from './store/child';
import type { SubgraphCalls } from './store/subgraph-calls';

export interface BenchResults {
  readonly mode: 'full' | 'quick';
  readonly machine: Machine;
  readonly loadAverageAfter: string;
  /** validateGraph problems found in generated graphs, by size. */
  readonly validation: readonly { readonly relations: number; readonly problems: number }[];
  readonly store: readonly { readonly memory: StoreRun; readonly kuzu: StoreRun }[];
  /** The subgraph question asked many times after one load of the largest graph (store/subgraph-calls.ts). */
  readonly subgraphCalls: SubgraphCalls;
  /** The real server on bench:seed folders, and where its load time goes. */
  readonly service: readonly { readonly service: ServiceRun; readonly phases: LoadPhases }[];
  readonly http: HttpReport;
  /** A repeated query: the server without and with its response cache, beside the floor. */
  readonly responseCache: CacheReport;
  readonly roundTrips: readonly RoundTrip[];
  /** The analyst questions of the memory store, by size. */
  readonly analytics: readonly AnalyticsRun[];
  /** What the Neo4j seeder would send for the largest graph (no server). */
  readonly neo4jSeed: SeedStatements;
  readonly totalSeconds: number;
}

const LABELS: Readonly<Record<Operation, string>> = {
  peer2: 'peerNetwork 2 hops',
  peer3: 'peerNetwork 3 hops',
  path: 'shortestPath ≤ 6 hops',
  shared: 'sharedPartners (10 programmes)',
  subgraph: 'subgraph depth 2, limit 500',
};

function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}

function ratio(kuzu: number, memory: number): string {
  if (!Number.isFinite(kuzu) || !Number.isFinite(memory) || memory <= 0) return '–';
  const value = kuzu / memory;
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
}

function latency(value: Latency): string {
  return `${ms(value.p50)} / ${ms(value.p99)}`;
}

function agreement(memory: StoreRun, kuzu: StoreRun, operation: Operation): string {
  const a = memory.answers[operation];
  const b = kuzu.answers[operation];
  const compared = Math.min(a.length, b.length);
  let same = 0;
  for (let i = 0; i < compared; i += 1) if (a[i] === b[i]) same += 1;
  return `${same}/${compared}`;
}

function storeTable(results: BenchResults): string[] {
  const lines = [
    '| relations (nodes) | measure | memory store | Kuzu 0.11.3 | Kuzu ÷ memory | same answers |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const { memory, kuzu } of results.store) {
    const size = `${memory.relations.toLocaleString('en')} (${memory.nodes.toLocaleString('en')})`;
    lines.push(
      `| ${size} | load, ms (CPU ms) | ${ms(memory.loadMs)} (${ms(memory.loadCpuMs)}) | ${ms(kuzu.loadMs)} (${ms(kuzu.loadCpuMs)}) | ${ratio(kuzu.loadMs, memory.loadMs)} | |`,
    );
    lines.push(
      `| | RSS added by the load, MB | ${memory.rssAddedMb.toFixed(0)} | ${kuzu.rssAddedMb.toFixed(0)} | ${ratio(kuzu.rssAddedMb, memory.rssAddedMb)} | |`,
    );
    lines.push(
      `| | RSS kept once the input is dropped, MB | ${memory.rssRetainedMb.toFixed(0)} | ${kuzu.rssRetainedMb.toFixed(0)} | ${ratio(kuzu.rssRetainedMb, memory.rssRetainedMb)} | |`,
    );
    for (const operation of Object.keys(LABELS) as Operation[]) {
      const m = memory.latency[operation];
      const k = kuzu.latency[operation];
      lines.push(
        `| | ${LABELS[operation]}, p50 / p99 ms | ${latency(m)} | ${latency(k)} | ${ratio(k.p50, m.p50)} / ${ratio(k.p99, m.p99)} | ${agreement(memory, kuzu, operation)} |`,
      );
    }
    if (memory.search) {
      lines.push(`| | first search, ms (name index built by the load) | ${ms(memory.search.firstSearchMs)} | no text index loaded | | |`);
      lines.push(`| | search for names of the graph, p50 / p99 ms | ${latency(memory.search.latency)} | – | | |`);
    }
  }
  return lines;
}

/** Each target of an HTTP row with its own verdict: peerNetwork's throughput may be met while its ratio is not. */
function httpTarget(row: HttpRow): string {
  if (row.connections !== HTTP_TARGETS.connections) return '–';
  const verdict = (ok: boolean): string => (ok ? 'met' : 'missed');
  const throughput = throughputMet(row);
  const ratio = `≤ 4×: ${verdict(floorRatioMet(row))}`;
  return throughput === undefined ? ratio : `${ratio}; ≥ 4,000 req/s: ${verdict(throughput)}`;
}

export function httpTable(http: HttpReport): string[] {
  const across = roundsHeading(http.rounds);
  const perRound = perRoundHeading(http.rounds);
  return [
    `| operation (response bytes) | connections | server req/s, ${across} | server p50 / p99 ms, median | stack req/s, ${across} | floor req/s, ${across} | floor p50 / p99 ms, median | floor ÷ server ${perRound} | target (on the medians) | stack ÷ server (ours) ${perRound} | floor ÷ stack (the stack's own) ${perRound} | non-2xx / errors, worst round |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|',
    ...httpRows(http.measured).map(
      (row) =>
        `| ${row.operation} (${http.responseBytes[row.operation] ?? 0}) | ${row.connections} | ${requestsSpreadText(row.server.requestsPerSecond)} | ${row.server.p50Ms} / ${row.server.p99Ms} | ${requestsSpreadText(row.stack.requestsPerSecond)} | ${requestsSpreadText(row.floor.requestsPerSecond)} | ${row.floor.p50Ms} / ${row.floor.p99Ms} | ${ratioSpreadText(row.floorOverServer)} | ${httpTarget(row)} | ${ratioSpreadText(row.stackOverServer)} | ${ratioSpreadText(row.floorOverStack)} | ${row.non2xx} / ${row.errors} |`,
    ),
    '',
    `${roundsNote(http.rounds, http.durationSeconds)} (server, stack and floor back to back, the order reversed every other round) after ${http.warmUpSeconds} s of warm-up per target and operation. The stack is Apollo Server 5 and graphql-js alone over our schema, through the server's node:http adapter, its resolvers handing back the server's recorded data, answering the same bytes (checked before the rounds; bench/http/stack-ceiling.ts): floor ÷ stack is the best floor ÷ server the mandated stack allows.`,
  ];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function serviceTable(results: BenchResults): string[] {
  const lines = [
    '| relations (nodes; JSON) | ready, s (CPU s) | read / validate / merge + index, s (CPU s) | RSS at ready / peak / after searches / idle 10 s, MB | first search, ms | search p50 / p99, ms | errors |',
    '|---|---:|---|---:|---:|---:|---:|',
  ];
  for (const { service, phases } of results.service) {
    const phase = (each: { wallMs: number; cpuMs: number }): string => `${seconds(each.wallMs)} (${seconds(each.cpuMs)})`;
    lines.push(
      `| ${service.relations.toLocaleString('en')} (${service.nodes.toLocaleString('en')}; ${service.graphMb.toFixed(0)} MB) | ${seconds(service.readyMs)} (${seconds(service.cpuAtReadyMs)}) | ${phase(phases.read)} / ${phase(phases.validate)} / ${phase(phases.merge)} | ${service.rssAtReadyMb.toFixed(0)} / ${service.peakRssMb.toFixed(0)} / ${service.rssAfterSearchesMb.toFixed(0)} / ${service.rssIdleMb.toFixed(0)} | ${ms(service.firstSearchMs)} | ${latency(service.search)} | ${service.searchErrors} |`,
    );
  }
  return lines;
}

/** The hottest functions of validateGraph at the largest size, from its CPU profile. */
function hotSpotLines(results: BenchResults): string[] {
  const largest = results.service[results.service.length - 1];
  if (!largest) return [];
  return [
    `Where validateGraph spends its time at ${largest.service.relations.toLocaleString('en')} relations (self time, CPU profile of the load-phases run; validation took ${seconds(largest.phases.validate.wallMs)} s of wall time):`,
    '',
    ...largest.phases.validateHotSpots.map((spot) => `- ${spot.where}: ${spot.selfMs.toFixed(0)} ms (${(spot.share * 100).toFixed(0)} %)`),
  ];
}

function roundTripTable(roundTrips: readonly RoundTrip[]): string[] {
  return [
    '| operation | argument | result size | store calls | by method |',
    '|---|---|---:|---:|---|',
    ...roundTrips.map((trip) => `| ${trip.operation} | ${trip.argument} | ${trip.resultSize} | ${trip.storeCalls} | ${trip.byMethod} |`),
  ];
}

const HTTP_OPERATIONS = ['node', 'search', 'peerNetwork'] as const;

/** The row of one operation at issue 16's concurrency. */
function httpRowAt16(http: HttpReport, operation: string): HttpRow | undefined {
  return httpRows(http.measured).find((row) => row.operation === operation && row.connections === HTTP_TARGETS.connections);
}

function mbOf(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/**
 * Issue 16 in one table: each figure at the largest size run, beside what it is compared
 * with (Kuzu, the bare floor, the uncached server) and its target.
 */
function summaryTable(results: BenchResults): string[] {
  const rows: string[][] = [];
  const met = (ok: boolean | undefined): string => (ok === undefined ? '–' : ok ? 'yes' : '**no**');
  const largestStore = results.store[results.store.length - 1];
  const largestService = results.service[results.service.length - 1];
  if (largestService) {
    const { service, phases } = largestService;
    const size = service.relations.toLocaleString('en');
    const cpu = (each: { cpuMs: number }): string => seconds(each.cpuMs);
    rows.push([
      `service at ${size}: ready (read / validate / merge CPU s)`,
      `${seconds(service.readyMs)} s, CPU ${seconds(service.cpuAtReadyMs)} s (${cpu(phases.read)} / ${cpu(phases.validate)} / ${cpu(phases.merge)})`,
      '–',
      `${(service.readyMs / 10_000).toFixed(1)}× the target`,
      '≤ 10 s',
      met(service.readyMs <= 10_000),
    ]);
    rows.push([
      `service at ${size}: RSS at ready`,
      `${service.rssAtReadyMb.toFixed(0)} MB`,
      `peak ${service.peakRssMb.toFixed(0)} MB`,
      '',
      '≤ 450 MB',
      met(service.rssAtReadyMb <= 450),
    ]);
    rows.push([
      `service at ${size}: first search`,
      `${ms(service.firstSearchMs)} ms`,
      '–',
      '',
      '≤ 50 ms',
      met(service.firstSearchMs <= 50),
    ]);
    rows.push([
      `service at ${size}: search p50 / p99`,
      `${latency(service.search)} ms`,
      '–',
      '',
      'p99 ≤ 20 ms',
      met(service.search.p99 <= 20),
    ]);
  }
  if (largestStore) {
    const { memory, kuzu } = largestStore;
    const size = memory.relations.toLocaleString('en');
    rows.push([
      `store at ${size}: RSS kept once the input is dropped (added while held)`,
      `${memory.rssRetainedMb.toFixed(0)} MB (${memory.rssAddedMb.toFixed(0)} MB)`,
      `Kuzu ${kuzu.rssRetainedMb.toFixed(0)} MB`,
      `memory ÷ Kuzu ${(memory.rssRetainedMb / kuzu.rssRetainedMb).toFixed(2)}×`,
      '≤ 300 MB',
      met(memory.rssRetainedMb <= 300),
    ]);
    for (const operation of Object.keys(LABELS) as Operation[]) {
      const m = memory.latency[operation];
      const k = kuzu.latency[operation];
      const target =
        operation === 'subgraph' ? 'p99 ≤ 1 ms' : operation === 'path' ? 'p99 ≤ 10 ms' : operation === 'peer2' ? 'p50 ≤ 1 ms' : '';
      const ok =
        operation === 'subgraph' ? m.p99 <= 1 : operation === 'path' ? m.p99 <= 10 : operation === 'peer2' ? m.p50 <= 1 : undefined;
      rows.push([
        `store at ${size}: ${LABELS[operation]}, p50 / p99`,
        `${latency(m)} ms`,
        `Kuzu ${latency(k)} ms`,
        `Kuzu ÷ memory ${ratio(k.p50, m.p50)} / ${ratio(k.p99, m.p99)}`,
        target,
        met(ok),
      ]);
    }
  }
  const calls = results.subgraphCalls;
  rows.push([
    `store at ${calls.relations.toLocaleString('en')}: subgraph depth 2, limit 500, over ${calls.calls.toLocaleString('en')} calls after one load, p50 / p99`,
    `${ms(calls.p50)} / ${ms(calls.p99)} ms`,
    `${calls.callsWithCollection} calls with a collection; p99 of the others ${ms(calls.p99WithoutCollected)} ms`,
    '',
    'p99 ≤ 1 ms',
    met(calls.p99 <= 1),
  ]);
  for (const operation of HTTP_OPERATIONS) {
    const row = httpRowAt16(results.http, operation);
    if (!row) continue;
    // Only peerNetwork has a throughput target (throughputMet's rule); it is judged on its own.
    const throughput = throughputMet(row);
    rows.push([
      `HTTP ${operation}, 16 connections, uncached; ${roundsHeading(row.rounds)}`,
      `${requestsSpreadText(row.server.requestsPerSecond)} req/s, p99 ${row.server.p99Ms} ms`,
      `floor ${requestsSpreadText(row.floor.requestsPerSecond)} req/s; the stack alone ${requestsSpreadText(row.stack.requestsPerSecond)} req/s`,
      `floor ÷ server ${ratioSpreadText(row.floorOverServer)}; floor ÷ stack ${ratioSpreadText(row.floorOverStack)}`,
      throughput === undefined ? '≤ 4×' : '≤ 4× / ≥ 4,000 req/s',
      throughput === undefined ? met(floorRatioMet(row)) : `${met(floorRatioMet(row))} / ${met(throughput)}`,
    ]);
  }
  for (const row of cacheRows(results.responseCache.measured)) {
    rows.push([
      `HTTP ${row.operation} repeated, ${row.connections} connections, response cache; ${roundsHeading(row.rounds)}`,
      `${requestsSpreadText(row.cached)} req/s, p99 ${row.cachedP99Ms} ms`,
      `uncached ${requestsSpreadText(row.uncached)}, floor ${requestsSpreadText(row.floor)} req/s`,
      `cached ÷ uncached ${ratioSpreadText(row.cachedOverUncached)}; floor ÷ cached ${ratioSpreadText(row.floorOverCached)}`,
      'floor ÷ cached ≤ 1.5×',
      met(cacheRowMet(row)),
    ]);
  }
  const largestAnalytics = results.analytics[results.analytics.length - 1];
  if (largestAnalytics) {
    const slowest = [...largestAnalytics.questions].sort((a, b) => b.maxMs - a.maxMs)[0];
    if (slowest) {
      rows.push([
        `analyst questions at ${largestAnalytics.relations.toLocaleString('en')}: longest on the event loop`,
        `${slowest.question}: ${ms(slowest.maxMs)} ms`,
        '–',
        '',
        'no single request blocks the loop',
        '–',
      ]);
    }
  }
  const seed = results.neo4jSeed;
  rows.push([
    `Neo4j seeder at ${seed.relations.toLocaleString('en')} relations (batch ${seed.batchSize}, no server)`,
    `${seed.transactions.toLocaleString('en')} transactions, ${mbOf(seed.parameterBytes)} MB of parameters`,
    `largest ${(seed.maxStatementBytes / 1e3).toFixed(0)} KB`,
    '',
    'reported',
    'yes',
  ]);
  return [
    '| figure | measured | compared with | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

function neo4jSeedTable(seed: SeedStatements): string[] {
  return [
    `Neo4j seeder for ${seed.nodes.toLocaleString('en')} nodes and ${seed.relations.toLocaleString('en')} relations, NEO4J_BATCH_SIZE=${seed.batchSize}, against a recording transaction (no server; parameters measured as JSON); adapter time ${seed.adapterSeconds.toFixed(1)} s:`,
    '',
    '| statement family | statements | rows / ids | max rows | parameters MB | largest statement KB |',
    '|---|---:|---:|---:|---:|---:|',
    ...seed.families.map(
      (each) =>
        `| ${each.family} | ${each.statements.toLocaleString('en')} | ${each.rows.toLocaleString('en')} | ${each.maxRows} | ${mbOf(each.bytes)} | ${(each.maxBytes / 1e3).toFixed(1)} |`,
    ),
    `| **total** | **${seed.transactions.toLocaleString('en')} transactions** | | | **${mbOf(seed.parameterBytes)}** | |`,
  ];
}

function targets(results: BenchResults): string[] {
  const million = results.store.find((each) => each.memory.relations === 1_000_000);
  const millionService = results.service.find((each) => each.service.relations === 1_000_000)?.service;
  const times = (measured: number, target: number): string => `${(measured / target).toFixed(1)}× the target`;
  const http = results.http;
  const peers16 = httpRowAt16(http, 'peerNetwork');
  const worst = (operation: Operation, key: 'p50' | 'p99'): number =>
    Math.max(...results.store.map((each) => each.memory.latency[operation][key]));
  const rows: [string, string, boolean | undefined][] = [
    [
      'seed load < 300 ms (read + validate + merge)',
      `${ms(http.seedReadMs + http.seedMergeMs)} ms (merge alone ${ms(http.seedMergeMs)} ms, ${http.seedRelations} relations)`,
      http.seedReadMs + http.seedMergeMs < 300,
    ],
    [
      '1M relations: load ≤ 2 s',
      million ? `${ms(million.memory.loadMs)} ms (CPU ${ms(million.memory.loadCpuMs)} ms)` : 'not run (--quick)',
      million ? million.memory.loadMs <= 2000 : undefined,
    ],
    [
      '1M relations: store keeps ≤ 300 MB once the input is dropped',
      million
        ? `${million.memory.rssRetainedMb.toFixed(0)} MB kept (${million.memory.rssAddedMb.toFixed(0)} MB added while the input is held)`
        : 'not run (--quick)',
      million ? million.memory.rssRetainedMb <= 300 : undefined,
    ],
    [
      '1M relations service: /readyz ≤ 10 s',
      millionService
        ? `${seconds(millionService.readyMs)} s (${times(millionService.readyMs, 10_000)}; CPU ${seconds(millionService.cpuAtReadyMs)} s)`
        : 'not run (--quick)',
      millionService ? millionService.readyMs <= 10_000 : undefined,
    ],
    [
      '1M relations service: RSS after ready ≤ 450 MB',
      millionService
        ? `${millionService.rssAtReadyMb.toFixed(0)} MB at ready, ${millionService.rssIdleMb.toFixed(0)} MB idle (peak ${millionService.peakRssMb.toFixed(0)})`
        : 'not run (--quick)',
      millionService ? millionService.rssAtReadyMb <= 450 : undefined,
    ],
    [
      '1M relations service: first search ≤ 50 ms',
      millionService ? `${ms(millionService.firstSearchMs)} ms` : 'not run (--quick)',
      millionService ? millionService.firstSearchMs <= 50 && millionService.searchErrors === 0 : undefined,
    ],
    [
      '1M relations service: search p99 ≤ 20 ms',
      millionService ? `${ms(millionService.search.p99)} ms (p50 ${ms(millionService.search.p50)})` : 'not run (--quick)',
      millionService ? millionService.search.p99 <= 20 : undefined,
    ],
    ['peerNetwork 2 hops p50 ≤ 1 ms (worst size)', `${ms(worst('peer2', 'p50'))} ms`, worst('peer2', 'p50') <= 1],
    ['shortestPath p99 ≤ 10 ms (worst size)', `${ms(worst('path', 'p99'))} ms`, worst('path', 'p99') <= 10],
    ['subgraph depth 2 / 500 p99 ≤ 1 ms (worst size)', `${ms(worst('subgraph', 'p99'))} ms`, worst('subgraph', 'p99') <= 1],
    [
      'HTTP peerNetwork at 16 connections ≥ 4,000 req/s (median of the rounds)',
      peers16 ? `${requestsSpreadText(peers16.server.requestsPerSecond)} req/s` : '–',
      peers16 ? throughputMet(peers16) : undefined,
    ],
    ...HTTP_OPERATIONS.map((operation): [string, string, boolean | undefined] => {
      const row = httpRowAt16(http, operation);
      return [
        `HTTP ${operation} at 16 connections: floor ÷ server ≤ 4× (median of the rounds' ratios)`,
        row
          ? `${ratioSpreadText(row.floorOverServer)}; medians: server ${requestsPerSecondText(row.server.requestsPerSecond.median)}, stack ${requestsPerSecondText(row.stack.requestsPerSecond.median)}, floor ${requestsPerSecondText(row.floor.requestsPerSecond.median)} req/s; floor ÷ stack ${ratioSpreadText(row.floorOverStack)}`
          : '–',
        row ? floorRatioMet(row) : undefined,
      ];
    }),
    ...cacheRows(results.responseCache.measured).map((row): [string, string, boolean] => [
      `HTTP repeated ${row.operation} (${row.connections}), response cache: floor ÷ cached ≤ 1.5× (median of the rounds' ratios)`,
      `${ratioSpreadText(row.floorOverCached)}; cached ÷ uncached ${ratioSpreadText(row.cachedOverUncached)}`,
      cacheRowMet(row),
    ]),
  ];
  const behind: string[] = [];
  for (const { memory, kuzu } of results.store) {
    if (memory.loadMs >= kuzu.loadMs) behind.push(`load at ${memory.relations}`);
    if (memory.rssAddedMb >= kuzu.rssAddedMb) behind.push(`RSS at ${memory.relations}`);
    for (const operation of Object.keys(LABELS) as Operation[]) {
      if (memory.latency[operation].p50 >= kuzu.latency[operation].p50) behind.push(`${operation} p50 at ${memory.relations}`);
      if (memory.latency[operation].p99 >= kuzu.latency[operation].p99) behind.push(`${operation} p99 at ${memory.relations}`);
    }
  }
  rows.push(['ahead of Kuzu on every store line', behind.length === 0 ? 'yes' : `behind on: ${behind.join(', ')}`, behind.length === 0]);
  return [
    '| target | measured | met |',
    '|---|---|---|',
    ...rows.map(([target, measured, met]) => `| ${target} | ${measured} | ${met === undefined ? '–' : met ? 'yes' : '**no**'} |`),
  ];
}

export function renderReport(results: BenchResults): string {
  const { machine } = results;
  return [
    `Mode: ${results.mode}; ${results.totalSeconds.toFixed(0)} s in all. Machine: ${machine.nproc} cores (${machine.cpu}), memory ${machine.memory}, Node ${machine.node}; load average ${machine.loadAverage} at the start, ${results.loadAverageAfter} at the end (other work shares these cores).`,
    '',
    `Synthetic graphs checked by validateGraph: ${results.validation.map((each) => `${each.relations.toLocaleString('en')} relations, ${each.problems} problems`).join('; ')}.`,
    '',
    '### Summary: every figure of issue 16, with its ratio and target',
    '',
    ...summaryTable(results),
    '',
    '### Store: memory store beside Kuzu, same graph, same questions',
    '',
    ...storeTable(results),
    '',
    'What each side returns: peerNetwork — memory: peers with hops and the events that link them (sorted); Kuzu: peer ids and hops (BFS over an ATTENDS table written before the load from the one peer-link definition of ontology.ts, default kinds: a city or country → an exchange event it attended in a role but showcased, a city → an exchange event its mayor or official (LEADS, WORKS_FOR) attended, and a LEARNED_FROM pair → a node of its own; bench/store/peer-attendances.ts — Kuzu 0.11 cannot filter nodes inside a SHORTEST walk, and a roll-up is a longer walk than a co-attendance; the synthetic graph has no LEARNED_FROM and no person at an exchange, so there both definitions reduce to co-attendance). shortestPath — memory: the nodes and relation records of one path; Kuzu: its length. sharedPartners — memory: pairs with their shared partner ids and Jaccard, ranked; Kuzu: pairs with a shared-partner count. subgraph — memory: the first 500 nodes by (depth, id) with records and the relations among them; Kuzu: the same 500 node ids. "Same answers" compares the reachable peer set with hops, the path length, the pairs with their shared counts and the subgraph node set, question by question. Latency is measured in process for both (no HTTP); RSS readings are taken after full garbage collection in a fresh process per engine and size.',
    '',
    '### The whole service at scale: the built server on a bench:seed folder, over HTTP',
    '',
    ...serviceTable(results),
    '',
    ...hotSpotLines(results),
    '',
    '### HTTP: the real server beside the stack alone and a bare node:http floor, all returning the same bytes',
    '',
    ...httpTable(results.http),
    '',
    '### HTTP response cache: a repeated query without and with the cache, beside the floor',
    '',
    ...cacheTable(results.responseCache),
    '',
    '### Analyst questions at scale (memory store, in process: how long each holds the event loop)',
    '',
    ...analyticsTable(results.analytics),
    '',
    '### Neo4j seeder: statements and payload (no server)',
    '',
    ...neo4jSeedTable(results.neo4jSeed),
    '',
    '### Store round trips per GraphQL operation',
    '',
    ...roundTripTable(results.roundTrips),
    '',
    '### Targets (memory store)',
    '',
    ...targets(results),
  ].join('\n');
}
