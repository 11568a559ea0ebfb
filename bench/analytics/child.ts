/**
 * The analyst questions of the memory store at scale, in their own process: the list and
 * ranking queries, partner questions, suggested peers and the analytics projections, each
 * asked through the GraphStore port as the API asks it, on a synthetic graph of N relations.
 * Every one of them runs on the event loop, so its time is how long one request holds it
 * (the analytics cost limit refuses the ones that would hold it too long; see
 * `src/analytics/cost.ts`, whose `programmePair` rate the last line measures).
 *
 *   node --expose-gc dist/bench-build/bench/analytics/child.js <relations> [samples]
 *
 * Prints one JSON line (AnalyticsRun). `npm run bench:analytics` runs it at 10k, 100k and 1M.
 */
import type { GraphData } from '../../src/domain/graph-document';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { reply } from '../lib/child';
import { summarize, type Latency } from '../lib/stats';
import { generateGraph } from '../synthetic/generate';

/** Most time one question may take over all its samples: a slow one answers fewer, not forever. */
const QUESTION_BUDGET_MS = 60_000;
/** sharedPartners over every programme is quadratic: measured only where the pairs stay few. */
const MAX_PAIRS_MEASURED = 2_000_000;

export interface QuestionTimes {
  readonly question: string;
  /** The first call: it builds what later calls reuse (peer facts, partner rarity, reach). */
  readonly firstMs: number;
  /** The calls after the first, each with other arguments where the question has any. */
  readonly rest: Latency;
  readonly maxMs: number;
}

export interface AnalyticsRun {
  readonly relations: number;
  readonly nodes: number;
  readonly programmes: number;
  readonly questions: readonly QuestionTimes[];
  /** sharedPartners over every programme, where measured: programme pairs and ns per pair. */
  readonly allPairs?: { readonly pairs: number; readonly ms: number; readonly nsPerPair: number };
}

function idsOf(graph: GraphData, label: string, count: number): string[] {
  const ids: string[] = [];
  for (const node of graph.nodes) {
    if (node.label !== label) continue;
    ids.push(node.id);
    if (ids.length === count) break;
  }
  return ids;
}

function at(ids: readonly string[], i: number): string {
  const id = ids[i % ids.length];
  if (id === undefined) throw new RangeError('no ids to ask about');
  return id;
}

async function timeQuestion(question: string, samples: number, ask: (i: number) => Promise<unknown>): Promise<QuestionTimes> {
  const times: number[] = [];
  const budgetEnd = performance.now() + QUESTION_BUDGET_MS;
  for (let i = 0; i < samples && performance.now() < budgetEnd; i += 1) {
    const started = performance.now();
    await ask(i);
    times.push(performance.now() - started);
  }
  const [firstMs = Number.NaN, ...rest] = times;
  return { question, firstMs, rest: summarize(rest), maxMs: Math.max(...times) };
}

async function main(): Promise<void> {
  const relations = Number(process.argv[2] ?? 100_000);
  const samples = Number(process.argv[3] ?? 21);
  const { graph } = generateGraph(relations);
  const store = new MemoryGraphStore();
  await store.mergeGraph(graph);
  const cities = idsOf(graph, 'City', samples);
  const countries = idsOf(graph, 'Country', samples);
  const organizations = idsOf(graph, 'Organization', samples);
  const programmes = idsOf(graph, 'Programme', Number.MAX_SAFE_INTEGER);
  const questions: [string, (i: number) => Promise<unknown>][] = [
    [
      'organizations(orderBy: PROGRAMMES, first: 20)',
      () => store.listNodesWhere({ label: 'Organization', first: 20, orderBy: 'PROGRAMMES' }),
    ],
    ['organizations(orderBy: NAME, first: 20)', () => store.listNodesWhere({ label: 'Organization', first: 20, orderBy: 'NAME' })],
    [
      'organizations(countryId)',
      (i) => store.listNodesWhere({ label: 'Organization', first: 20, filters: { countryId: at(countries, i) } }),
    ],
    ['programmes(partnerId)', (i) => store.listNodesWhere({ label: 'Programme', first: 20, filters: { partnerId: at(organizations, i) } })],
    ['events(countryId)', (i) => store.listNodesWhere({ label: 'Event', first: 20, filters: { countryId: at(countries, i) } })],
    ['events(from, to)', () => store.listNodesWhere({ label: 'Event', first: 20, from: '2020', to: '2021' })],
    ['people(countryId)', (i) => store.listNodesWhere({ label: 'Person', first: 20, filters: { countryId: at(countries, i) } })],
    ['organization reach (20 organisations)', () => store.organizationReach(organizations)],
    ['commonPartners (2 cities)', (i) => store.commonPartners({ ids: [at(cities, i), at(cities, i + 1)] })],
    [
      'sharedPartners (10 programmes)',
      (i) => store.sharedPartners({ programmeIds: programmes.slice(i * 10, i * 10 + 10), minShared: 1, first: 100 }),
    ],
    ['peerNetwork 2 hops', (i) => store.peerNetwork({ cityId: at(cities, i), maxHops: 2, eventKinds: ['exchange'] })],
    ['similarCities (first 10)', (i) => store.similarCities({ cityId: at(cities, i), first: 10 })],
    ['project(EXCHANGE)', () => store.project('EXCHANGE', { eventKinds: ['exchange'] })],
    ['project(PARTNERSHIP)', () => store.project('PARTNERSHIP')],
    ['project(ALL)', () => store.project('ALL')],
  ];
  const times: QuestionTimes[] = [];
  for (const [question, ask] of questions) {
    // Projections are answered once per generation by the API's cache: the first call is what counts.
    times.push(await timeQuestion(question, question.startsWith('project') ? 2 : samples, ask));
  }
  const pairs = (programmes.length * (programmes.length - 1)) / 2;
  let allPairs: AnalyticsRun['allPairs'];
  if (pairs <= MAX_PAIRS_MEASURED) {
    const started = performance.now();
    await store.sharedPartners({ minShared: 1, first: 100 });
    const ms = performance.now() - started;
    allPairs = { pairs, ms, nsPerPair: (ms * 1e6) / Math.max(1, pairs) };
  }
  const result: AnalyticsRun = {
    relations,
    nodes: graph.nodes.length,
    programmes: programmes.length,
    questions: times,
    ...(allPairs ? { allPairs } : {}),
  };
  reply(result);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
