/**
 * Bounded work per request (issue 17): event-loop delay and latency figures under attack.
 * Starts the real server in this process (production configuration, memory store, the seed,
 * a temporary curation journal), so `perf_hooks.monitorEventLoopDelay` measures the
 * server's own event loop, and prints, for each phase, the loop's delay (p50 / p99 / max)
 * and the latency of /healthz requests sent one after another meanwhile:
 *
 * - idle: nothing else running;
 * - attack: the operations (15 aliased whole-graph ForceAtlas2 subgraphs; ten aliased
 *   betweenness centralities over every relation) sent back to back, each refused with
 *   QUERY_TOO_COMPLEX, with how long a refusal takes;
 * - heavy: one whole-graph ForceAtlas2 the budget allows, run in a worker, with its time;
 * - corpus: the hostile corpus of test/security (8 requests in flight).
 *
 * Usage: npm run bench:bounded [-- --rounds N]   (N attack rounds, default 10)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { openGraph } from '../../src/app/open-graph';
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/http/start-server';
import { hostileCorpus } from '../../test/security/hostile-corpus';
import { sendCorpus } from './send-corpus';
import { percentile } from '../lib/stats';

const EDITOR_KEY = 'bench-editor-key-0123456789';
const READER_KEY = 'bench-reader-key-0123456789';
const HUBS = JSON.stringify(['org:strong-cities-network', 'city:karachi', 'country:pk']);
const aliased = (count: number, field: string): string => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const LAYOUT_ATTACK = aliased(15, `subgraph(ids: ${HUBS}, depth: 6, limit: 1000, layout: FORCEATLAS2) { nodes { id x y } }`);
const BETWEENNESS_ATTACK = aliased(10, 'centrality(metric: BETWEENNESS, projection: ALL) { score }');
const HEAVY = `{ subgraph(ids: ${HUBS}, depth: 6, limit: 1000, layout: FORCEATLAS2) { nodes { id x y } } }`;

interface Figures {
  readonly phase: string;
  readonly loopP50Ms: number;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
  readonly healthz: number;
  readonly healthzP50Ms: number;
  readonly healthzP99Ms: number;
  readonly healthzMaxMs: number;
  readonly note: string;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The figures as an aligned text table, one phase a row. */
function table(rows: readonly Figures[]): string {
  const head = ['phase', 'loop p50', 'loop p99', 'loop max', '/healthz n', 'p50', 'p99', 'max', 'what ran'];
  const cells = rows.map((row) => [
    row.phase,
    `${row.loopP50Ms} ms`,
    `${row.loopP99Ms} ms`,
    `${row.loopMaxMs} ms`,
    String(row.healthz),
    `${row.healthzP50Ms} ms`,
    `${row.healthzP99Ms} ms`,
    `${row.healthzMaxMs} ms`,
    row.note,
  ]);
  const widths = head.map((title, column) => Math.max(title.length, ...cells.map((cell) => (cell[column] ?? '').length)));
  return [head, ...cells].map((cell) => cell.map((text, column) => text.padEnd(widths[column] ?? 0)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const roundsIndex = process.argv.indexOf('--rounds');
  const rounds = roundsIndex > 0 ? Number(process.argv[roundsIndex + 1]) : 10;
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'cities-kg-bench-bounded-')), 'curation.sqlite');
  const config = loadConfig({
    NODE_ENV: 'production',
    RATE_LIMIT_MAX: '0',
    CURATION_DB: dbPath,
    API_KEYS: `e:editor:${EDITOR_KEY},r:reader:${READER_KEY}`,
  });
  const logger = pino({ level: 'silent' });
  const graph = await openGraph(config, logger, { journal: { mode: 'write' } });
  const server = await startServer({
    store: graph.store,
    logger,
    port: 0,
    host: '127.0.0.1',
    production: true,
    security: config.security,
    curation: graph.curation,
  });
  const origin = `http://127.0.0.1:${server.port}`;
  const post = async (query: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, text: await response.text() };
  };

  /** Runs `work` while /healthz is asked again and again; the loop's delay and the answers' latency. */
  const measure = async (phase: string, work: () => Promise<string>): Promise<Figures> => {
    const loop = monitorEventLoopDelay({ resolution: 1 });
    const latencies: number[] = [];
    let done = false;
    loop.enable();
    const probe = (async () => {
      while (!done) {
        const started = performance.now();
        await (await fetch(`${origin}/healthz`)).text();
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const note = await work();
    done = true;
    await probe;
    loop.disable();
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      phase,
      loopP50Ms: round(loop.percentile(50) / 1e6),
      loopP99Ms: round(loop.percentile(99) / 1e6),
      loopMaxMs: round(loop.max / 1e6),
      healthz: sorted.length,
      healthzP50Ms: round(percentile(sorted, 0.5)),
      healthzP99Ms: round(percentile(sorted, 0.99)),
      healthzMaxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
      note,
    };
  };

  // Once each, so that compiling the request paths is not what is measured.
  await post('{ stats { nodes } }');
  await post(HEAVY);
  await post(LAYOUT_ATTACK);
  await post(BETWEENNESS_ATTACK);

  const figures: Figures[] = [];
  figures.push(
    await measure('idle', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      return '2 s';
    }),
  );
  figures.push(
    await measure('attack', async () => {
      const times: number[] = [];
      const statuses = new Set<number>();
      for (let round = 0; round < rounds; round += 1) {
        for (const query of [LAYOUT_ATTACK, BETWEENNESS_ATTACK]) {
          const started = performance.now();
          statuses.add((await post(query)).status);
          times.push(performance.now() - started);
        }
      }
      const sorted = times.sort((a, b) => a - b);
      return `${times.length} attacks, HTTP ${[...statuses].join('/')}, refused in p50 ${round(percentile(sorted, 0.5))} ms, max ${round(sorted[sorted.length - 1] ?? 0)} ms`;
    }),
  );
  figures.push(
    await measure('heavy', async () => {
      const started = performance.now();
      const answer = await post(HEAVY);
      return `one whole-graph ForceAtlas2, HTTP ${answer.status}, ${round(performance.now() - started)} ms`;
    }),
  );
  figures.push(
    await measure('corpus', async () => {
      const corpus = hostileCorpus({ editor: EDITOR_KEY, reader: READER_KEY });
      const started = performance.now();
      await sendCorpus(origin, corpus);
      return `${corpus.length} hostile requests in ${round((performance.now() - started) / 1000)} s`;
    }),
  );

  process.stdout.write(`cities-kg bounded work (issue 17), ${new Date().toISOString()}, node ${process.version}\n`);
  process.stdout.write(`${table(figures)}\n`);
  process.stdout.write(`${JSON.stringify({ analytics: server.analytics.stats() })}\n`);
  await server.stop();
  await graph.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
