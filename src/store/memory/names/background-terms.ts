/**
 * Internal. Builds a large name index in a worker thread (term-index-worker.ts), so that at
 * a million relations its 3 s of folding, hashing and sorting 334k nodes' names run beside
 * the relation writes and the read index instead of after them, and its garbage stays out
 * of this heap.
 *
 * The worker is the compiled file next to this one (dist/src, or dist/bench-build), or from
 * the sources (tests), the one `npm run build` writes to dist/src; where there is none, there
 * is no background build and the caller builds in its own thread.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../../../project-root';
import { builtTermsOf, type BuiltTerms, type BuiltTermsMessage, type TermJob } from './term-build';

const WORKER_FILE = __filename.endsWith('.js')
  ? path.join(__dirname, 'term-index-worker.js')
  : path.join(PROJECT_ROOT, 'dist', 'src', 'store', 'memory', 'names', 'term-index-worker.js');

let workerExists: boolean | undefined;

export interface BackgroundBuild {
  /** The built index; rejects if the worker failed or was stopped. */
  readonly built: Promise<BuiltTerms>;
  /** Stops the worker (its answer is no longer wanted). */
  stop(): void;
}

function isBuiltTerms(message: unknown): message is BuiltTermsMessage {
  return typeof message === 'object' && message !== null && 'postingNodes' in message && ArrayBuffer.isView(message.postingNodes);
}

/** Starts building `job` in a worker; undefined where no compiled worker exists. */
export function buildInBackground(job: TermJob): BackgroundBuild | undefined {
  workerExists ??= existsSync(WORKER_FILE);
  if (!workerExists) return undefined;
  const worker = new Worker(WORKER_FILE, { workerData: job, transferList: [job.nodes.buffer, job.texts.lengths.buffer] });
  const built = new Promise<BuiltTerms>((resolve, reject) => {
    worker.once('message', (message: unknown) => {
      if (isBuiltTerms(message)) resolve(builtTermsOf(message));
      else reject(new Error('name index worker: an answer of the wrong shape'));
    });
    worker.once('error', reject);
    // After a message this settles nothing; before one, the worker is gone without answering.
    worker.once('exit', (code) => reject(new Error(`name index worker: exited (${code}) without an answer`)));
  });
  // A build stopped or dropped is awaited by no one: its failure is not an unhandled rejection.
  built.catch(() => undefined);
  return { built, stop: () => void worker.terminate() };
}
