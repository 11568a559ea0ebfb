/**
 * `npm run bench:cache`: the response-cache benchmark alone (bench/http/run-cache.ts),
 * printed as a markdown table with the machine's load average.
 */
import os from 'node:os';
import { cacheTable, runCacheBench } from './run-cache';

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const runs = await runCacheBench({ connections: 16, durationSeconds: 5 });
  const loadAverage = (values: number[]): string => values.map((value) => value.toFixed(2)).join(' ');
  process.stdout.write(
    `${[...cacheTable(runs), '', `${os.cpus().length} CPUs; load average before ${loadAverage(loadBefore)}, after ${loadAverage(os.loadavg())}`].join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
