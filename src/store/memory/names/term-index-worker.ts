/**
 * Internal. The worker thread that builds a large name index (background-terms.ts): given
 * a TermJob as its workerData, it answers one BuiltTermsMessage, its arrays moved, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTermJob, type TermJob } from './term-build';

if (parentPort) {
  const built = runTermJob(workerData as TermJob);
  const moved = [
    built.terms.lengths,
    ...built.prefixes.levels,
    built.termStarts,
    built.postingNodes,
    built.postingFields,
    built.postingFrequencies,
    built.fieldLengths,
  ];
  parentPort.postMessage(
    built,
    moved.map((array) => array.buffer),
  );
}
