/**
 * The analytics worker pool with real worker threads (the compiled dist/src/analytics/worker.js
 * that `pretest` builds): a full queue is refused, a task whose request deadline passes while
 * it waits is refused without running, a task that overruns is stopped and its worker
 * replaced, and closing stops everything.
 */
import { AnalyticsBusyError, AnalyticsPool, AnalyticsTimeoutError } from '../../src/analytics/worker-pool';
import type { AnalyticsTask } from '../../src/analytics/tasks';

/** ForceAtlas2 over a ring of `size` nodes: quadratic work, long enough to hold a worker. */
function ringLayout(size: number): Extract<AnalyticsTask, { kind: 'layout' }> {
  const nodeIds = Array.from({ length: size }, (_, i) => `n${i}`);
  return { kind: 'layout', nodeIds, edges: nodeIds.map((id, i) => ({ source: id, target: `n${(i + 1) % size}` })), layout: 'FORCEATLAS2' };
}

const later = (ms: number) => ({ timeoutMs: ms, deadline: Date.now() + ms });

let pool: AnalyticsPool;
afterEach(async () => {
  await pool.close();
});

it('refuses a task when every worker is busy and the queue is full', async () => {
  pool = new AnalyticsPool({ size: 1, maxQueue: 1 });
  const outcome = (task: Promise<unknown>) =>
    task.then(
      () => 'answered',
      (error: Error) => error.message,
    );
  const running = outcome(pool.run(ringLayout(1_500), later(60_000)));
  const queued = outcome(pool.run(ringLayout(10), later(60_000)));
  // The first has the only worker, the second waits: the queue is full.
  await expect(pool.run(ringLayout(10), later(60_000))).rejects.toBeInstanceOf(AnalyticsBusyError);
  await pool.close();
  expect(await running).toMatch(/closed/);
  expect(await queued).toMatch(/closed/);
});

it('stops a task past its limit, replaces the worker, and refuses a waiting task whose deadline passed without running it', async () => {
  pool = new AnalyticsPool({ size: 1 });
  const long = pool.run(ringLayout(3_000), later(300));
  const waiting = pool.run(ringLayout(10), { timeoutMs: 60_000, deadline: Date.now() + 100 });
  await expect(waiting).rejects.toThrow(/budget ran out/);
  await expect(long).rejects.toBeInstanceOf(AnalyticsTimeoutError);
  expect(pool.stats()).toMatchObject({ timedOut: 1, ran: 0 });
  const positions = await pool.run(ringLayout(10), later(60_000));
  expect(positions.size).toBe(10);
  expect(pool.stats()).toMatchObject({ ran: 1, started: 2 });
});

it('names the request budget when a waiting task expires, even if its timer fires before the clock reaches the deadline', async () => {
  // Timers may fire a millisecond before Date.now() reaches the time they were set for. Fake
  // timers with the real clock make that early firing certain: the waiting task's timer fires
  // while Date.now() is still short of its deadline.
  jest.useFakeTimers({ doNotFake: ['Date', 'nextTick', 'setImmediate', 'queueMicrotask'] });
  try {
    pool = new AnalyticsPool({ size: 1 });
    const long = pool.run(ringLayout(3_000), later(60_000)).catch((error: Error) => error.message);
    const waiting = pool.run(ringLayout(10), { timeoutMs: 60_000, deadline: Date.now() + 5_000 });
    jest.advanceTimersByTime(5_000);
    await expect(waiting).rejects.toThrow(/budget ran out/);
    await pool.close();
    expect(await long).toMatch(/closed/);
  } finally {
    jest.useRealTimers();
  }
});
