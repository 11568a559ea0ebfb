/**
 * Hostile input over real HTTP against a production-configured server on an ephemeral
 * loopback port: every request of the generated corpus (over a thousand) gets a 4xx, or a
 * 200 whose GraphQL errors all carry a client code; never a 5xx, an internal error or a stack
 * trace; the server stays up; the graph and the journal are exactly as before; and no
 * request stalls the event loop: its delay (perf_hooks.monitorEventLoopDelay, the server's
 * loop, which runs in this process) stays under 100 ms at the 99th percentile throughout.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { StatsDocument } from '../operations.generated';
import { EDITOR_KEY, execute, READER_KEY, startTestServer, type TestServer } from '../support/test-server';
import { hostileCorpus, type HostileRequest } from './hostile-corpus';

/** Requests in flight at once: enough to overlap, few enough for a 2-core machine. */
const CONCURRENCY = 8;
/**
 * A request that takes longer than this counts as a hang. The whole corpus takes ~10 s on
 * an idle 2-core machine; the test's own bound (below) leaves room for a loaded one.
 */
const REQUEST_TIMEOUT_MS = 15_000;
/** Bound on the event loop's delay at the 99th percentile during the whole corpus, in ms. */
const LOOP_DELAY_P99_MS = 100;
const STACK_LINE = /\n\s+at\s|\bat\s+\S+\s+\(.*:\d+:\d+\)|node_modules|\/src\//;

interface Outcome {
  readonly request: HostileRequest;
  readonly status: number;
  readonly codes: readonly unknown[];
  readonly hasData: boolean;
  readonly text: string;
}

async function send(server: TestServer, request: HostileRequest): Promise<Outcome> {
  const response = await fetch(`${server.origin}${request.path ?? '/graphql'}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] } | undefined;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  return {
    request,
    status: response.status,
    codes: (parsed?.errors ?? []).map((error) => error.extensions?.code),
    hasData: parsed?.data !== undefined && parsed.data !== null,
    text,
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: 'production' } });
});
afterAll(async () => {
  await server.stop();
});

it('answers a corpus of over 1,000 hostile requests with 4xx or coded errors, and changes nothing', async () => {
  const corpus = hostileCorpus({ editor: EDITOR_KEY, reader: READER_KEY });
  expect(corpus.length).toBeGreaterThanOrEqual(1_000);
  const statsBefore = await execute(server, StatsDocument, {});
  const graphBefore = await server.store.dumpGraph();

  const outcomes: Outcome[] = [];
  const failures: string[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < corpus.length) {
      const request = corpus[next] as HostileRequest;
      next += 1;
      try {
        outcomes.push(await send(server, request));
      } catch (error) {
        failures.push(`${request.name}: no answer (${(error as Error).message})`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  loopDelay.disable();

  for (const outcome of outcomes) {
    const name = outcome.request.name;
    if (outcome.status >= 500) failures.push(`${name}: HTTP ${outcome.status} ${outcome.text.slice(0, 200)}`);
    if (outcome.codes.some((code) => typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR')) {
      failures.push(`${name}: error codes ${JSON.stringify(outcome.codes)} ${outcome.text.slice(0, 200)}`);
    }
    if (outcome.status === 200 && outcome.codes.length === 0 && !outcome.hasData && outcome.text.length > 0) {
      failures.push(`${name}: 200 with neither data nor errors: ${outcome.text.slice(0, 200)}`);
    }
    if (STACK_LINE.test(outcome.text)) failures.push(`${name}: internal detail in ${outcome.text.slice(0, 200)}`);
    // Issue 17: work bombs are refused before they run, bodies that are not UTF-8 with 400.
    if (name.startsWith('work bomb') && !(outcome.status === 400 && outcome.codes.join() === 'QUERY_TOO_COMPLEX')) {
      failures.push(`${name}: expected 400 QUERY_TOO_COMPLEX, got ${outcome.status} ${outcome.text.slice(0, 200)}`);
    }
    if (name.startsWith('utf-8 ') && outcome.status !== 400) failures.push(`${name}: expected 400, got ${outcome.status}`);
    if (/^(curated |quote )/.test(name) && outcome.codes.join() !== 'BAD_USER_INPUT') {
      failures.push(`${name}: expected BAD_USER_INPUT, got ${JSON.stringify(outcome.codes)}`);
    }
  }
  expect(failures).toEqual([]);
  expect(outcomes).toHaveLength(corpus.length);
  // The server's loop (shared with this client): timers late by more than the bound at p99
  // mean requests held it. (An oversubscribed machine adds the scheduler's own delays.)
  const delay = { p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6, meanMs: loopDelay.mean / 1e6 };
  expect(delay.p99Ms < LOOP_DELAY_P99_MS ? 'under the bound' : `event-loop delay ${JSON.stringify(delay)}`).toBe('under the bound');

  // Still up, and nothing changed: same stats, same graph, no journal entry.
  expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  const statsAfter = await execute(server, StatsDocument, {});
  expect(statsAfter.data).toEqual(statsBefore.data);
  expect(await server.store.dumpGraph()).toEqual(graphBefore);
  expect(
    (await fetch(`${server.origin}/readyz`).then((response) => response.json() as Promise<{ curation?: { changes: number } }>)).curation
      ?.changes,
  ).toBe(0);

  const summary = {
    requests: outcomes.length,
    clientErrors: outcomes.filter((outcome) => outcome.status >= 400).length,
    graphqlErrors: outcomes.filter((outcome) => outcome.status === 200 && outcome.codes.length > 0).length,
    answeredWithData: outcomes.filter((outcome) => outcome.status === 200 && outcome.codes.length === 0).length,
  };
  expect(summary.clientErrors + summary.graphqlErrors + summary.answeredWithData).toBe(outcomes.length);
}, 180_000);
