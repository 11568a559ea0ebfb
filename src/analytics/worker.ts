/**
 * Internal. The entry of an analytics worker thread (`worker-pool.ts` starts it from the
 * compiled dist/src/analytics/worker.js): runs each task it is sent and posts back its
 * result or its error message, one task at a time, at a lower priority than the event loop.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runTask, type AnalyticsTask } from './tasks';

export interface TaskMessage {
  readonly id: number;
  readonly task: AnalyticsTask;
}

export type ReplyMessage =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

const port = parentPort;
if (port === null) throw new Error('analytics/worker.js runs only as a worker thread');
/** Niceness of a worker thread: on a busy machine the event loop gets the CPU first. */
const WORKER_NICENESS = 10;
try {
  // On Linux a thread has its own niceness, and pid 0 names the calling thread.
  setPriority(0, WORKER_NICENESS);
} catch {
  // Not allowed here (or not per thread, elsewhere): the worker runs at the process's priority.
}
port.on('message', ({ id, task }: TaskMessage) => {
  let reply: ReplyMessage;
  try {
    reply = { id, ok: true, result: runTask(task) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
