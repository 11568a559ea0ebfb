/**
 * Resident memory readings for the load benchmark, taken after the fullest garbage
 * collection V8 offers (the one it runs on a low-memory warning, which also compacts the
 * heap and returns freed pages), so that garbage left by generating or dropping the input
 * is not counted as the store's. Needs `node --expose-gc` (the bench children have it).
 */
import { setTimeout as sleep } from 'node:timers/promises';

type Collect = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

function collect(): void {
  const gc = (globalThis as { gc?: Collect }).gc;
  if (!gc) throw new Error('start the bench child with node --expose-gc');
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** Resident set size in MB after collecting garbage and letting freed pages go back. */
export async function settledRssMb(): Promise<number> {
  collect();
  await sleep(500);
  collect();
  return process.memoryUsage().rss / 1e6;
}
