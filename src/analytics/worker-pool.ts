/**
 * Public. A small pool of worker threads (node:worker_threads) that runs analytics tasks
 * (`tasks.ts`) off the event loop, each under a time limit. JavaScript cannot interrupt a
 * computation, so a task that overruns its limit is stopped by terminating its worker; the
 * pool starts a fresh one for the next task. Tasks wait in a bounded queue when every
 * worker is busy; a task whose deadline passes while it waits is refused without running.
 *
 * Workers run compiled JavaScript: dist/src/analytics/worker.js, beside this file when the
 * server runs from dist/ (npm start), or the build's copy when this file runs from source
 * (jest, whose `pretest` builds).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../project-root';
import type { AnalyticsResults, AnalyticsTask } from './tasks';
import type { ReplyMessage, TaskMessage } from './worker';

/** The task overran its own limit or its request's deadline. */
export class AnalyticsTimeoutError extends Error {
  override readonly name = 'AnalyticsTimeoutError';
}

/** Every worker is busy and the queue is full. */
export class AnalyticsBusyError extends Error {
  override readonly name = 'AnalyticsBusyError';
}

export interface PoolOptions {
  /** Worker threads. @default one less than the cores, at least 1 and at most 4 */
  readonly size?: number;
  /** Tasks that may wait for a worker. @default 64 */
  readonly maxQueue?: number;
  /** Heap of each worker, in MB: a task that needs more fails instead of growing the process. @default 512 */
  readonly maxHeapMb?: number;
  /** @default compiledWorkerFile() */
  readonly workerFile?: string;
}

export interface RunLimits {
  /** Longest the task may run once a worker has it. */
  readonly timeoutMs: number;
  /** Epoch ms after which the task's answer is no longer wanted (its request's budget). */
  readonly deadline: number;
}

interface Job {
  readonly id: number;
  readonly task: AnalyticsTask;
  readonly limits: RunLimits;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  /**
   * Which bound the timer stands for, fixed when it is set: a timer may fire a millisecond
   * before Date.now() reaches its time, so asking the clock afterwards can name the wrong one.
   */
  boundBy: 'deadline' | 'limit';
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
}

/** Where the compiled worker entry is. */
export function compiledWorkerFile(): string {
  return __filename.endsWith('.js') ? path.join(__dirname, 'worker.js') : path.join(PROJECT_ROOT, 'dist', 'src', 'analytics', 'worker.js');
}

export class AnalyticsPool {
  private readonly size: number;
  private readonly maxQueue: number;
  private readonly maxHeapMb: number;
  private readonly workerFile: string;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  private counters = { ran: 0, timedOut: 0, started: 0 };

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.maxQueue = options.maxQueue ?? 64;
    this.maxHeapMb = options.maxHeapMb ?? 512;
    this.workerFile = options.workerFile ?? compiledWorkerFile();
    if (!existsSync(this.workerFile)) {
      throw new Error(`analytics: no compiled worker at ${path.relative(PROJECT_ROOT, this.workerFile)}; run \`npm run build\``);
    }
  }

  /** Tasks answered, tasks stopped at their limit, workers started (for tests and benchmarks). */
  stats(): { readonly ran: number; readonly timedOut: number; readonly started: number; readonly queued: number } {
    return { ...this.counters, queued: this.queue.length };
  }

  run<T extends AnalyticsTask>(task: T, limits: RunLimits): Promise<AnalyticsResults[T['kind']]> {
    if (this.closed) return Promise.reject(new Error('analytics: the worker pool is closed'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new AnalyticsBusyError(`analytics: ${this.queue.length} computations already wait for a worker`));
    }
    return new Promise<unknown>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, limits, resolve, reject, timer: undefined, boundBy: 'deadline' };
      // While it waits, the job is bounded by its request's deadline only.
      job.timer = setTimeout(() => this.expire(job), Math.max(0, limits.deadline - Date.now()));
      this.queue.push(job);
      this.dispatch();
    }) as Promise<AnalyticsResults[T['kind']]>;
  }

  /**
   * Starts every worker now, each loading the algorithms and laying out a triangle, so the
   * first request does not wait for a worker to start and compile.
   */
  warm(): void {
    const triangle: AnalyticsTask = {
      kind: 'layout',
      nodeIds: ['a', 'b', 'c'],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ],
      layout: 'FORCEATLAS2',
    };
    for (let started = this.slots.length; started < this.size; started += 1) {
      this.run(triangle, { timeoutMs: 60_000, deadline: Date.now() + 60_000 }).catch(() => undefined);
    }
  }

  /** Stops every worker; waiting and running tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new Error('analytics: the worker pool closed'));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.job) this.settle(slot.job, new Error('analytics: the worker pool closed'));
        return slot.worker.terminate();
      }),
    );
  }

  private idleSlot(): Slot | undefined {
    return this.slots.find((slot) => slot.job === undefined);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot() ?? (this.slots.length < this.size ? this.startWorker() : undefined);
      if (slot === undefined) return;
      const job = this.queue.shift();
      if (job === undefined) return;
      const untilDeadline = job.limits.deadline - Date.now();
      job.boundBy = untilDeadline <= job.limits.timeoutMs ? 'deadline' : 'limit';
      const remaining = Math.min(job.limits.timeoutMs, untilDeadline);
      if (remaining <= 0) {
        this.settle(job, this.timeoutError(job));
        continue;
      }
      clearTimeout(job.timer);
      job.timer = setTimeout(() => this.expire(job), remaining);
      slot.job = job;
      slot.worker.postMessage({ id: job.id, task: job.task } satisfies TaskMessage);
    }
  }

  private startWorker(): Slot {
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    // An idle pool never keeps the process alive.
    worker.unref();
    const slot: Slot = { worker, job: undefined };
    this.counters.started += 1;
    worker.on('message', (reply: ReplyMessage) => {
      const job = slot.job;
      if (job === undefined || job.id !== reply.id) return;
      slot.job = undefined;
      this.counters.ran += 1;
      this.settle(job, reply.ok ? undefined : new Error(`analytics: ${reply.message}`), reply.ok ? reply.result : undefined);
      this.dispatch();
    });
    const lost = (error: Error): void => {
      this.removeSlot(slot);
      if (slot.job) this.settle(slot.job, error);
      slot.job = undefined;
      this.dispatch();
    };
    worker.on('error', (error) => lost(error));
    worker.on('exit', (code) => lost(new Error(`analytics: a worker exited (code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** The job's time is up: refuse it if it waits, stop its worker if it runs. */
  private expire(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, this.timeoutError(job));
      return;
    }
    const slot = this.slots.find((candidate) => candidate.job === job);
    if (slot === undefined) return;
    this.counters.timedOut += 1;
    slot.job = undefined;
    this.removeSlot(slot);
    this.settle(job, this.timeoutError(job));
    void slot.worker.terminate();
    this.dispatch();
  }

  private timeoutError(job: Job): AnalyticsTimeoutError {
    return job.boundBy === 'deadline'
      ? new AnalyticsTimeoutError(`the request's analytics time budget ran out before ${job.task.kind} finished`)
      : new AnalyticsTimeoutError(`${job.task.kind} ran longer than its limit of ${job.limits.timeoutMs} ms and was stopped`);
  }

  private removeSlot(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  private settle(job: Job, error: Error | undefined, result?: unknown): void {
    clearTimeout(job.timer);
    if (error) job.reject(error);
    else job.resolve(result);
  }
}
