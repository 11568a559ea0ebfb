/**
 * `npm run bench:analytics [-- --quick]`: the analyst questions of the memory store at 10k,
 * 100k and 1M relations (10k and 100k quick), printed as a markdown table with the load average.
 */
import os from 'node:os';
import { analyticsTable, runAnalyticsBench } from './run-analytics';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const loadBefore = os.loadavg();
  const runs = await runAnalyticsBench(quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000], 21);
  const loadAverage = (values: number[]): string => values.map((value) => value.toFixed(2)).join(' ');
  process.stdout.write(
    `${[...analyticsTable(runs), '', `${os.cpus().length} CPUs; load average before ${loadAverage(loadBefore)}, after ${loadAverage(os.loadavg())}`].join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
