/**
 * Latency summaries. Percentiles are nearest-rank on the sorted samples: with 200 samples
 * p99 is the second slowest, so it says something about the tail without one outlier
 * deciding it.
 */
export interface Latency {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(times: readonly number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { samples: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), mean };
}

/** Wall and CPU time of one call, in milliseconds. */
export async function timed<T>(run: () => Promise<T> | T): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}
