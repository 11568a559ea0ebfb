/**
 * `npm run bench:cache [-- --rounds N --seconds S]`: the response-cache benchmark alone
 * (bench/http/run-cache.ts) in rounds (default 3 rounds of 3 s per target; BENCH_ROUNDS and
 * BENCH_SECONDS work too), printed as a markdown table with the machine's load average.
 */
import { printPart } from '../lib/machine';
import { roundOptions } from '../lib/rounds';
import { HTTP_ROUND_DEFAULTS } from './run-http';
import { cacheTable, runCacheBench } from './run-cache';

printPart(async () =>
  cacheTable(await runCacheBench({ connections: 16, ...roundOptions(process.argv.slice(2), process.env, HTTP_ROUND_DEFAULTS) })),
);
