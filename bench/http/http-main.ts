/**
 * `npm run bench:http`: the HTTP benchmark alone (bench/http/run-http.ts) at 16 connections,
 * the server beside the bare floor, printed as a markdown table with the machine's load
 * average. Targets (issue 16 item 4): floor ÷ server ≤ 4× for every operation and ≥ 4,000
 * req/s for peerNetwork.
 */
import os from 'node:os';
import { httpTable } from '../report';
import { runHttpBench } from './run-http';

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const report = await runHttpBench({ concurrencies: [16], durationSeconds: 5 });
  const loadAverage = (values: number[]): string => values.map((value) => value.toFixed(2)).join(' ');
  process.stdout.write(
    `${[...httpTable(report), '', `${os.cpus().length} CPUs; load average before ${loadAverage(loadBefore)}, after ${loadAverage(os.loadavg())}`].join('\n')}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
