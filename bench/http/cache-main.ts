/**
 * `npm run bench:cache`: the response-cache benchmark alone (bench/http/run-cache.ts),
 * printed as a markdown table with the machine's load average.
 */
import { printPart } from '../lib/machine';
import { cacheTable, runCacheBench } from './run-cache';

printPart(async () => cacheTable(await runCacheBench({ connections: 16, durationSeconds: 5 })));
