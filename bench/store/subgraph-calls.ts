/**
 * The subgraph question of the store benchmark (depth 2, limit 500, a random city) asked many
 * times after one load, for its tail: which calls are slow, and whether a garbage
 * collection fell inside them (PerformanceObserver `gc` entries). The store benchmark's
 * 200 samples give a p99 that is the second slowest call; this gives the shape behind it.
 * Usage: node --expose-gc subgraph-calls.js [relations = 1000000] [calls = 2000]. Prints one JSON line.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { reply } from '../lib/child';
import { loadAverageNow } from '../lib/machine';
import { percentile } from '../lib/stats';
import { generateGraph } from '../synthetic/generate';
import { drawQuestions } from './questions';

/** The one JSON line this script prints. */
export interface SubgraphCalls {
  readonly relations: number;
  readonly calls: number;
  readonly loadAverage: string;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  /** Garbage collections (PerformanceObserver `gc` entries) during the timed calls. */
  readonly collections: number;
  readonly callsWithCollection: number;
  /** p99 of the calls no collection fell in: the tail without the collector. */
  readonly p99WithoutCollected: number;
  readonly slowest: readonly { readonly ms: number; readonly nodes: number; readonly relations: number; readonly gcMs: number }[];
}

interface Call {
  readonly start: number;
  readonly end: number;
  readonly nodes: number;
  readonly relations: number;
}

interface Collection {
  readonly start: number;
  readonly end: number;
}

/** Untimed calls first, so that the JIT has settled before the timed ones. */
const WARM_UP = 50;

async function main(): Promise<void> {
  const relations = Number(process.argv[2] ?? 1_000_000);
  const count = Number(process.argv[3] ?? 2000);
  if (!Number.isInteger(relations) || !Number.isInteger(count) || count < 1) {
    throw new Error('usage: subgraph-calls.js [relations] [calls]');
  }
  const store = new MemoryGraphStore();
  const starts = await (async () => {
    // The input graph is only reachable in here: once loaded, only the store keeps memory.
    const graph = generateGraph(relations).graph;
    const questions = drawQuestions(graph, count + WARM_UP).subgraphStarts;
    await store.mergeGraph(graph);
    return questions;
  })();
  globalThis.gc?.();
  const ask = (i: number) => store.subgraph({ ids: [starts[i] ?? ''], depth: 2, direction: 'BOTH', limit: 500 });
  for (let i = 0; i < WARM_UP; i += 1) await ask(count + i);

  const collections: Collection[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const calls: Call[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    const result = await ask(i);
    calls.push({ start, end: performance.now(), nodes: result.nodes.length, relations: result.relations.length });
  }
  // Entries are delivered after the fact: give the last ones time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();

  const collectedIn = (call: Call) => collections.filter((gc) => gc.start < call.end && gc.end > call.start);
  const ms = (call: Call) => call.end - call.start;
  const sorted = calls.map(ms).sort((a, b) => a - b);
  const withCollection = calls.filter((call) => collectedIn(call).length > 0);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const line: SubgraphCalls = {
    relations,
    calls: count,
    loadAverage: loadAverageNow(),
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    collections: collections.length,
    callsWithCollection: withCollection.length,
    p99WithoutCollected: round(
      percentile(
        calls
          .filter((call) => collectedIn(call).length === 0)
          .map(ms)
          .sort((a, b) => a - b),
        0.99,
      ),
    ),
    slowest: [...calls]
      .sort((a, b) => ms(b) - ms(a))
      .slice(0, 10)
      .map((call) => ({
        ms: round(ms(call)),
        nodes: call.nodes,
        relations: call.relations,
        gcMs: round(collectedIn(call).reduce((sum, gc) => sum + (gc.end - gc.start), 0)),
      })),
  };
  reply(line);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
