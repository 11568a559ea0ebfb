/**
 * What the Neo4j seeder sends for a synthetic graph, counted without a server: the real
 * `Neo4jGraphStore.mergeGraph` and `clear` run against a recording transaction that answers
 * like an empty database, and every statement is tallied by name with its rows and the size
 * of its parameters as JSON (a lower bound of the Bolt bytes: PackStream is close to JSON
 * for these maps of strings). Figures of round trips and payloads, not of Neo4j's speed.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench-build/bench/neo4j/seed-statements.js [--relations 1000000] [--batch 500] [--no-bytes] [--json]
 *
 * `--json` prints one JSON line (SeedStatements) instead of the table, for `npm run bench`.
 */
import type { Logger } from '../../src/logger';
import { Neo4jExecutor, type CypherSession, type CypherSessionSource, type CypherTransaction } from '../../src/store/neo4j/Neo4jExecutor';
import { Neo4jGraphStore } from '../../src/store/neo4j/Neo4jGraphStore';
import { reply } from '../lib/child';
import { generateGraph } from '../synthetic/generate';

export interface SeedStatements {
  readonly relations: number;
  readonly nodes: number;
  readonly batchSize: number;
  readonly families: readonly ({ readonly family: string } & Tally)[];
  readonly transactions: number;
  readonly parameterBytes: number;
  readonly maxStatementBytes: number;
  readonly adapterSeconds: number;
}

interface Tally {
  statements: number;
  rows: number;
  maxRows: number;
  bytes: number;
  maxBytes: number;
}

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  fatal: () => undefined,
  trace: () => undefined,
  child: () => silent,
} as unknown as Logger;

/** Group statement names: `merge-nodes.City` → `merge-nodes`, `merge-relations.RUNS.City.Programme` → `merge-relations`. */
const family = (text: string): string => {
  if (text.includes('OPTIONAL MATCH (old:') && text.includes('MERGE (n:')) return 'merge-nodes';
  if (text.includes('MERGE (a)-[r:')) return 'merge-relations';
  if (text.includes('AS label') && text.includes('n.id IN $ids')) return 'find-node-labels (pre-flight)';
  if (text.includes('DELETE')) return 'clear';
  return 'other';
};

/** `--no-bytes`: skip measuring payloads, to time the adapter alone. */
const measureBytes = !process.argv.includes('--no-bytes');

function recordingSource(tallies: Map<string, Tally>): CypherSessionSource {
  const transaction: CypherTransaction = {
    run: async (text, parameters) => {
      const rows = Array.isArray(parameters['rows']) ? (parameters['rows'] as { id: string }[]) : [];
      const ids = Array.isArray(parameters['ids']) ? parameters['ids'].length : 0;
      const bytes = measureBytes
        ? Buffer.byteLength(JSON.stringify(parameters, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)))
        : 0;
      const name = family(text);
      const tally = tallies.get(name) ?? { statements: 0, rows: 0, maxRows: 0, bytes: 0, maxBytes: 0 };
      const size = rows.length || ids;
      tally.statements += 1;
      tally.rows += size;
      tally.maxRows = Math.max(tally.maxRows, size);
      tally.bytes += bytes;
      tally.maxBytes = Math.max(tally.maxBytes, bytes);
      tallies.set(name, tally);
      // An empty database: nothing found by the pre-flight, every row created, nothing left to delete.
      if (name === 'merge-nodes') return [{ written: rows.length, created: rows.length, updated: 0 }];
      if (name === 'merge-relations') return [{ written: rows.map((row) => row.id), created: rows.length, updated: 0 }];
      if (name === 'clear') return [{ deleted: 0 }];
      return [];
    },
  };
  const session: CypherSession = {
    executeRead: (work) => work(transaction),
    executeWrite: (work) => work(transaction),
    close: async () => undefined,
  };
  return { session: () => session };
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const relations = argument('relations', 1_000_000);
  const batchSize = argument('batch', 500);
  const { graph } = generateGraph(relations);
  const tallies = new Map<string, Tally>();
  const executor = new Neo4jExecutor(recordingSource(tallies), {
    database: 'bench',
    transactionTimeoutMs: 5000,
    bulkTimeoutMs: 10000,
    logger: silent,
  });
  const store = new Neo4jGraphStore(executor, { batchSize, close: async () => undefined });
  const started = process.hrtime.bigint();
  await store.clear();
  const summary = await store.mergeGraph(graph);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  if (process.argv.includes('--json')) {
    const families = [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([family, tally]) => ({ family, ...tally }));
    const result: SeedStatements = {
      relations: graph.relations.length,
      nodes: graph.nodes.length,
      batchSize,
      families,
      transactions: families.reduce((sum, each) => sum + each.statements, 0),
      parameterBytes: families.reduce((sum, each) => sum + each.bytes, 0),
      maxStatementBytes: Math.max(0, ...families.map((each) => each.maxBytes)),
      adapterSeconds: seconds,
    };
    reply(result);
    return;
  }
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
  process.stdout.write(
    `Neo4j seed statements for ${graph.nodes.length.toLocaleString('en')} nodes and ${graph.relations.length.toLocaleString('en')} relations, NEO4J_BATCH_SIZE=${batchSize}\n`,
  );
  process.stdout.write('statement family               | statements | rows/ids | max rows | params MB | max params KB\n');
  let statements = 0;
  let bytes = 0;
  for (const [name, tally] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    statements += tally.statements;
    bytes += tally.bytes;
    process.stdout.write(
      `${name.padEnd(30)} | ${String(tally.statements).padStart(10)} | ${String(tally.rows).padStart(8)} | ${String(tally.maxRows).padStart(8)} | ${mb(tally.bytes).padStart(9)} | ${(tally.maxBytes / 1e3).toFixed(1).padStart(13)}\n`,
    );
  }
  process.stdout.write(`total: ${statements} statements (transactions), ${mb(bytes)} MB of parameters as JSON\n`);
  process.stdout.write(
    `merge summary: ${summary.nodesCreated} nodes and ${summary.relationsCreated} relations created; adapter time without a server ${seconds.toFixed(1)} s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
