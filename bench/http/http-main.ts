/**
 * `npm run bench:http [-- --rounds N --seconds S]`: the HTTP benchmark alone
 * (bench/http/run-http.ts) at 16 connections, the server beside the bare floor in rounds
 * (default 3 rounds of 3 s per target; BENCH_ROUNDS and BENCH_SECONDS work too), printed as
 * a markdown table with the machine's load average. Targets (issue 16 item 4), judged on the
 * medians of the rounds: floor ÷ server ≤ 4× for every operation and ≥ 4,000 req/s for
 * peerNetwork.
 */
import { printPart } from '../lib/machine';
import { roundOptions } from '../lib/rounds';
import { httpTable } from '../report';
import { HTTP_ROUND_DEFAULTS, runHttpBench } from './run-http';

printPart(async () =>
  httpTable(await runHttpBench({ concurrencies: [16], ...roundOptions(process.argv.slice(2), process.env, HTTP_ROUND_DEFAULTS) })),
);
