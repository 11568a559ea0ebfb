/**
 * `npm run bench [-- --quick] [-- --readme] [-- --rounds N --seconds S]`: the store
 * benchmark (memory store and Kuzu, one fresh process per engine and size), the service at
 * scale, the HTTP benchmark (server and bare floor), the response cache, the store round
 * trips, the analyst questions at scale and the Neo4j seeder's statements, printed as one
 * markdown report opening with a summary table of every figure with its ratio and target.
 * `--readme` also writes the report into bench/README.md between its markers. The HTTP
 * parts measure in rounds (bench/lib/rounds.ts): `--rounds` and `--seconds` set how many
 * and how long each measurement runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { runAnalyticsBench } from './analytics/run-analytics';
import { runCacheBench } from './http/run-cache';
import { HTTP_ROUND_DEFAULTS, runHttpBench } from './http/run-http';
import { runChild } from './lib/child';
import { describeMachine, loadAverageNow } from './lib/machine';
import { roundOptions } from './lib/rounds';
import { renderReport, type BenchResults } from './report';
import type { SeedStatements } from './neo4j/seed-statements';
import { runRoundTrips } from './roundtrips/run-roundtrips';
import type { LoadPhases } from './service/load-phases';
import { runService, writeBenchSeed } from './service/run-service';
import type { StoreRun } from './store/child';
import type { SubgraphCalls } from './store/subgraph-calls';
import { validateGraph } from '../src/domain/validate-graph';
import { generateGraph } from './synthetic/generate';

const START_MARK = '<!-- bench:results:start -->';
const END_MARK = '<!-- bench:results:end -->';

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function storeRun(engine: 'memory' | 'kuzu', relations: number, samples: number, search: boolean): Promise<StoreRun> {
  progress(`${engine} at ${relations.toLocaleString('en')} relations`);
  return runChild<StoreRun>({
    script: 'store/child.js',
    args: [engine, String(relations), String(samples), ...(search ? ['--search'] : [])],
    timeoutMs: 15 * 60_000,
  });
}

/** The service on a bench:seed folder of `relations` relations, then where its load time goes. */
async function serviceRun(relations: number, searches: number): Promise<BenchResults['service'][number]> {
  progress(`service at ${relations.toLocaleString('en')} relations`);
  const seed = await writeBenchSeed(relations);
  try {
    const service = await runService(seed, searches);
    progress(`load phases at ${relations.toLocaleString('en')} relations`);
    const phases = await runChild<LoadPhases>({ script: 'service/load-phases.js', args: [seed.dir], timeoutMs: 15 * 60_000 });
    return { service, phases };
  } finally {
    await rm(seed.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const started = performance.now();
  const machine = describeMachine();
  const sizes = quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000];
  const samples = quick ? 50 : 200;
  // The synthetic graphs are valid seed graphs: the project's own validator, quotes included.
  const validation = [1_000, 10_000].map((relations) => {
    const { graph, sourceTexts } = generateGraph(relations);
    const content = { nodes: graph.nodes, relations: graph.relations.map(({ id: _id, ...input }) => input) };
    return { relations, problems: validateGraph({ files: [{ file: 'synthetic.json', content }], sourceTexts }).problems.length };
  });
  const store: BenchResults['store'][number][] = [];
  for (const relations of sizes) {
    const memory = await storeRun('memory', relations, samples, true);
    const kuzu = await storeRun('kuzu', relations, samples, false);
    store.push({ memory, kuzu });
  }
  // The 200 samples above give a p99 that is their second slowest call; this asks the
  // subgraph question ten times as often after one load, for a steadier tail.
  const subgraphSize = sizes[sizes.length - 1] ?? 100_000;
  const subgraphCallCount = quick ? 500 : 2000;
  progress(`subgraph, ${subgraphCallCount.toLocaleString('en')} calls at ${subgraphSize.toLocaleString('en')} relations`);
  const subgraphCalls = await runChild<SubgraphCalls>({
    script: 'store/subgraph-calls.js',
    args: [String(subgraphSize), String(subgraphCallCount)],
    timeoutMs: 15 * 60_000,
  });
  const service: BenchResults['service'][number][] = [];
  for (const relations of quick ? [100_000] : [100_000, 1_000_000]) service.push(await serviceRun(relations, samples));
  // Quick runs keep the rounds but shorten each measurement to 1 s.
  const rounds = roundOptions(process.argv.slice(2), process.env, quick ? { rounds: 3, durationSeconds: 1 } : HTTP_ROUND_DEFAULTS);
  progress(`HTTP, ${rounds.rounds} rounds of ${rounds.durationSeconds} s`);
  const http = await runHttpBench({ concurrencies: [1, 16, 64], ...rounds });
  progress(`HTTP response cache, ${rounds.rounds} rounds of ${rounds.durationSeconds} s`);
  const responseCache = await runCacheBench({ connections: 16, ...rounds });
  progress('store round trips');
  const roundTrips = await runRoundTrips(10_000);
  const analytics = await runAnalyticsBench(quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000], quick ? 11 : 21);
  const seedRelations = quick ? 100_000 : 1_000_000;
  progress(`Neo4j seeder statements at ${seedRelations.toLocaleString('en')} relations`);
  const neo4jSeed = await runChild<SeedStatements>({
    script: 'neo4j/seed-statements.js',
    args: ['--relations', String(seedRelations), '--json'],
    timeoutMs: 15 * 60_000,
  });
  const results: BenchResults = {
    mode: quick ? 'quick' : 'full',
    machine,
    loadAverageAfter: loadAverageNow(),
    validation,
    store,
    subgraphCalls,
    service,
    http,
    responseCache,
    roundTrips,
    analytics,
    neo4jSeed,
    totalSeconds: (performance.now() - started) / 1000,
  };
  const report = renderReport(results);
  process.stdout.write(`${report}\n`);
  if (process.argv.includes('--readme')) {
    // Compiled to dist/bench-build/bench: the sources are three folders up.
    const readme = path.resolve(__dirname, '..', '..', '..', 'bench', 'README.md');
    const text = await readFile(readme, 'utf8');
    const start = text.indexOf(START_MARK);
    const end = text.indexOf(END_MARK);
    if (start < 0 || end < start) throw new Error(`${readme} has no ${START_MARK} … ${END_MARK} block`);
    await writeFile(readme, `${text.slice(0, start + START_MARK.length)}\n${report}\n${text.slice(end)}`);
    progress(`wrote ${readme}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
