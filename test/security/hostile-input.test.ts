/**
 * Hostile input over real HTTP against a production-configured server on an ephemeral
 * loopback port: every request of the generated corpus (over a thousand) gets a 4xx, or a
 * 200 whose GraphQL errors all carry a client code; never a 5xx, an internal error or a stack
 * trace; the server stays up; the graph and the journal are exactly as before; and no
 * request stalls the event loop: no single callback on the server's loop (which runs in
 * this process) holds it for 200 ms or more of its own (see LONGEST_CALLBACK_MS), timed by
 * async_hooks around each callback, less the garbage collector's pauses.
 *
 * Why a callback's own time and not the loop delay's p99:
 * with eight requests in flight the delay of a timer is the sum of every callback queued
 * before it, and on a shared 2-core machine the scheduler stretches it several times over
 * (a callback preempted mid-way takes 100 ms of wall time for 10 ms of work), so it
 * measured the machine's load (p99 236 ms at load 9, 9 ms idle) more than any request. The
 * delay figures are printed with a failure; `npm run bench:bounded` reports the loop delay
 * per phase on a quiet machine.
 */
import { createHook } from 'node:async_hooks';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
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
/**
 * Bound on the longest single callback on the event loop during the corpus, in ms of its own
 * time: its wall time less the garbage-collection pauses that fell inside it. A collection
 * is the test process's heap (jest keeps every test file's modules), not a request's work: a
 * fresh-clone run saw one 485 ms pause. Twice the 100 ms, because a shared 2-core
 * test machine preempts the process mid-callback (167 ms seen at load 9; 30–50 ms alone).
 * The defects it guards against held the loop 400–1,300 ms in one callback; the 100 ms figure
 * itself is the loop-delay p99 that `npm run bench:bounded` prints per phase.
 */
const LONGEST_CALLBACK_MS = 200;

interface CallbackTimes {
  /** The longest callback's wall time less the collector's pauses inside it. */
  readonly longestOwnMs: number;
  readonly longestWallMs: number;
  readonly gcPausesMs: number;
  readonly callbacks: number;
}

/**
 * Times every callback the loop runs (async_hooks before/after, `performance.now()`), and
 * every garbage-collection pause (a `gc` PerformanceObserver); `stop` charges each long
 * callback only the time the collector did not take.
 */
function timeCallbacks(): { stop(): Promise<CallbackTimes> } {
  const started = new Map<number, number>();
  const long: { start: number; end: number }[] = [];
  const pauses: { start: number; end: number }[] = [];
  let callbacks = 0;
  const collector = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  collector.observe({ entryTypes: ['gc'] });
  const hook = createHook({
    before(asyncId) {
      started.set(asyncId, performance.now());
    },
    after(asyncId) {
      const start = started.get(asyncId);
      if (start === undefined) return;
      started.delete(asyncId);
      callbacks += 1;
      const end = performance.now();
      if (end - start > 20) long.push({ start, end });
    },
  });
  hook.enable();
  return {
    async stop() {
      hook.disable();
      // The observer is told of the last pauses on a later turn of the loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
      collector.disconnect();
      const paused = (span: { start: number; end: number }): number =>
        pauses.reduce((sum, pause) => sum + Math.max(0, Math.min(span.end, pause.end) - Math.max(span.start, pause.start)), 0);
      const own = long.map((span) => span.end - span.start - paused(span));
      const wall = long.map((span) => span.end - span.start);
      return {
        longestOwnMs: Math.max(0, ...own),
        longestWallMs: Math.max(0, ...wall),
        gcPausesMs: pauses.reduce((sum, pause) => sum + pause.end - pause.start, 0),
        callbacks,
      };
    },
  };
}

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
  const timing = timeCallbacks();
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
  const callbacks = await timing.stop();
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
  // The server's loop (shared with this client): no callback held it for the bound or more.
  const delay = { p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6, meanMs: loopDelay.mean / 1e6 };
  const held = { ...callbacks, loopDelay: delay };
  expect(callbacks.callbacks).toBeGreaterThan(corpus.length);
  expect(callbacks.longestOwnMs < LONGEST_CALLBACK_MS ? 'under the bound' : `event loop held ${JSON.stringify(held)}`).toBe(
    'under the bound',
  );

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
