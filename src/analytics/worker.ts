/**
 * Internal. The entry of an analytics worker thread (`worker-pool.ts` starts it from the
 * compiled dist/src/analytics/worker.js): runs each task it is sent and posts back its
 * result or its error message, one task at a time.
 */
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
port.on('message', ({ id, task }: TaskMessage) => {
  let reply: ReplyMessage;
  try {
    reply = { id, ok: true, result: runTask(task) };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
