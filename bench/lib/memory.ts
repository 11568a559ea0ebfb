/**
 * Resident memory readings for the load benchmark, taken after full garbage collections and
 * a second's pause (V8 hands freed pages back to the system from a background thread), so
 * that garbage left by generating or dropping the input is not counted as the store's.
 * Needs `node --expose-gc` (the bench children have it).
 */
import { setTimeout as sleep } from 'node:timers/promises';

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start the bench child with node --expose-gc');
  gc();
  gc();
}

/** Resident set size in MB after collecting garbage and letting freed pages go back. */
export async function settledRssMb(): Promise<number> {
  collect();
  await sleep(1000);
  collect();
  return process.memoryUsage().rss / 1e6;
}
