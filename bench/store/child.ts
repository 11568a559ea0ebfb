/**
 * One store benchmark run in its own process: generate the graph, load it into one engine
 * (memory or kuzu), read resident memory before and after, then time the questions.
 * Usage: node --expose-gc child.js <memory|kuzu> <relations> <samples> [--search]
 * Prints one JSON line (StoreRun).
 */
import type { GraphData } from '../../src/domain/graph-document';
import { reply } from '../lib/child';
import { settledRssMb } from '../lib/memory';
import { summarize, timed, type Latency } from '../lib/stats';
import { generateGraph } from '../synthetic/generate';
import type { Answer } from './answers';
import type { Engine } from './engine';
import { kuzuEngine } from './kuzu-engine';
import { memoryEngine } from './memory-engine';
import { drawQuestions } from './questions';

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
  /** Memory store only: the first search builds the name index. */
  readonly search?: { readonly firstSearchMs: number; readonly rssAddedMb: number };
}

async function main(): Promise<void> {
  const [engineName, relationsArg, samplesArg] = process.argv.slice(2);
  const relations = Number(relationsArg);
  const samples = Number(samplesArg);
  const withSearch = process.argv.includes('--search');
  const baseline = await settledRssMb();
  const generated = await timed(() => generateGraph(relations).graph);
  let graph: GraphData | undefined = generated.result;
  const nodes = graph.nodes.length;
  const questions = drawQuestions(graph, samples);
  const memory = engineName === 'memory' ? memoryEngine() : undefined;
  const engine: Engine = memory ?? kuzuEngine();
  const prepared = await engine.prepare(graph);

  const before = await settledRssMb();
  const input = graph;
  const load = await timed(() => engine.load(input));
  const afterLoad = await settledRssMb();
  graph = undefined;
  const retained = await settledRssMb();

  const times = Object.fromEntries(OPERATIONS.map((operation) => [operation, [] as number[]])) as Record<Operation, number[]>;
  const answers = Object.fromEntries(OPERATIONS.map((operation) => [operation, [] as Answer[]])) as Record<Operation, Answer[]>;
  const ask: Record<Operation, (i: number) => Promise<Answer>> = {
    peer2: (i) => engine.peerNetwork(questions.peerStarts[i]!, 2),
    peer3: (i) => engine.peerNetwork(questions.peerStarts[i]!, 3),
    path: (i) => engine.shortestPath(...questions.pathPairs[i]!),
    shared: (i) => engine.sharedPartners(questions.programmeSets[i]!),
    subgraph: (i) => engine.subgraph(questions.subgraphStarts[i]!),
  };
  const counts: Record<Operation, number> = { peer2: samples, peer3: samples, path: samples, shared: questions.programmeSets.length, subgraph: samples };
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
    const before = await settledRssMb();
    const first = await timed(() => memory.store.search({ text: 'karabad', first: 10 }));
    search = { firstSearchMs: first.wallMs, rssAddedMb: (await settledRssMb()) - before };
  }
  await engine.close();
  const result: StoreRun = {
    engine: engine.name,
    relations,
    nodes,
    generateMs: generated.wallMs,
    prepareMs: prepared.prepareMs ?? 0,
    loadMs: load.wallMs,
    loadCpuMs: load.cpuMs,
    rssAddedMb: afterLoad - before,
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
