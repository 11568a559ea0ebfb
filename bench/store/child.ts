/**
 * One store benchmark run in its own process: generate the graph, load it into one engine
 * (memory or kuzu), read resident memory before and after, then time the questions.
 * Usage: node --expose-gc child.js <memory|kuzu> <relations> <samples> [--search]
 * Prints one JSON line (StoreRun).
 */
import { reply } from '../lib/child';
import { settledRssMb } from '../lib/memory';
import { summarize, timed, type Latency } from '../lib/stats';
import { generateGraph } from '../synthetic/generate';
import type { Answer } from './answers';
import type { Engine } from './engine';
import { kuzuEngine } from './kuzu-engine';
import { memoryEngine } from './memory-engine';
import { drawQuestions } from './questions';
import { searchTexts } from '../service/search-texts';

/** Most time spent sampling one operation: a slow engine answers fewer questions, not forever. */
const OPERATION_BUDGET_MS = 60_000;

export const OPERATIONS = ['peer2', 'peer3', 'path', 'shared', 'subgraph'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface StoreRun {
  readonly engine: Engine['name'];
  readonly relations: number;
  readonly nodes: number;
  readonly generateMs: number;
  /** Untimed work before the load (Kuzu: writing the CSV files). */
  readonly prepareMs: number;
  readonly loadMs: number;
  readonly loadCpuMs: number;
  /** RSS added by the load while the caller still holds the input graph. */
  readonly rssAddedMb: number;
  /** RSS over the pre-input baseline once the caller has dropped the input: what the store keeps. */
  readonly rssRetainedMb: number;
  readonly latency: Readonly<Record<Operation, Latency>>;
  readonly answers: Readonly<Record<Operation, readonly Answer[]>>;
  /** Memory store only: the first search, then searches for names of the graph (search-texts.ts). */
  readonly search?: { readonly firstSearchMs: number; readonly latency: Latency };
}

/** The i-th question, which questions.ts draws `samples` of for each operation. */
function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new RangeError(`question ${i} of ${items.length}`);
  return item;
}

/**
 * Generates the graph and loads it, reading RSS while the input is held; returns no
 * reference to the input, so once this returns only what the engine keeps stays.
 */
async function generateAndLoad(engine: Engine, relations: number, samples: number) {
  const generated = await timed(() => generateGraph(relations).graph);
  const input = generated.result;
  const questions = drawQuestions(input, samples);
  const prepared = await engine.prepare(input);
  const before = await settledRssMb();
  const load = await timed(() => engine.load(input));
  const afterLoad = await settledRssMb();
  return { nodes: input.nodes.length, generateMs: generated.wallMs, questions, prepared, load, rssAddedMb: afterLoad - before };
}

async function main(): Promise<void> {
  const [engineName, relationsArg, samplesArg] = process.argv.slice(2);
  const relations = Number(relationsArg);
  const samples = Number(samplesArg);
  const withSearch = process.argv.includes('--search');
  const baseline = await settledRssMb();
  const memory = engineName === 'memory' ? memoryEngine() : undefined;
  const engine: Engine = memory ?? kuzuEngine();
  const { nodes, generateMs, questions, prepared, load, rssAddedMb } = await generateAndLoad(engine, relations, samples);
  // The input is gone: only what the engine keeps stays (the questions hold a few ids).
  const retained = await settledRssMb();

  const times = Object.fromEntries(OPERATIONS.map((operation) => [operation, [] as number[]])) as Record<Operation, number[]>;
  const answers = Object.fromEntries(OPERATIONS.map((operation) => [operation, [] as Answer[]])) as Record<Operation, Answer[]>;
  const ask: Record<Operation, (i: number) => Promise<Answer>> = {
    peer2: (i) => engine.peerNetwork(nth(questions.peerStarts, i), 2),
    peer3: (i) => engine.peerNetwork(nth(questions.peerStarts, i), 3),
    path: (i) => engine.shortestPath(...nth(questions.pathPairs, i)),
    shared: (i) => engine.sharedPartners(nth(questions.programmeSets, i)),
    subgraph: (i) => engine.subgraph(nth(questions.subgraphStarts, i)),
  };
  const counts: Record<Operation, number> = {
    peer2: samples,
    peer3: samples,
    path: samples,
    shared: questions.programmeSets.length,
    subgraph: samples,
  };
  for (const operation of OPERATIONS) {
    // Warm up (JIT on our side, plan cache on Kuzu's) on the first questions, untimed.
    for (let i = 0; i < Math.min(10, counts[operation]); i += 1) await ask[operation](i);
    const deadline = performance.now() + OPERATION_BUDGET_MS;
    for (let i = 0; i < counts[operation] && performance.now() < deadline; i += 1) {
      const run = await timed(() => ask[operation](i));
      times[operation].push(run.wallMs);
      answers[operation].push(run.result);
    }
  }

  let search: StoreRun['search'];
  if (memory && withSearch) {
    // The name index is built by the load: the first search finds it ready.
    const first = await timed(() => memory.store.search({ text: 'karabad', first: 10 }));
    const cities = await memory.store.listNodes({ label: 'City', first: 100 });
    const texts = searchTexts(cities.nodes, samples);
    for (const text of texts.slice(0, 10)) await memory.store.search({ text, first: 10 });
    const searchTimes: number[] = [];
    for (const text of texts) searchTimes.push((await timed(() => memory.store.search({ text, first: 10 }))).wallMs);
    search = { firstSearchMs: first.wallMs, latency: summarize(searchTimes) };
  }
  await engine.close();
  const result: StoreRun = {
    engine: engine.name,
    relations,
    nodes,
    generateMs,
    prepareMs: prepared.prepareMs ?? 0,
    loadMs: load.wallMs,
    loadCpuMs: load.cpuMs,
    rssAddedMb,
    rssRetainedMb: retained - baseline,
    latency: Object.fromEntries(OPERATIONS.map((operation) => [operation, summarize(times[operation])])) as Record<Operation, Latency>,
    answers,
    ...(search ? { search } : {}),
  };
  reply(result);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
