/**
 * `npm run bench:analytics [-- --quick]`: the analyst questions of the memory store at 10k,
 * 100k and 1M relations (10k and 100k quick), printed as a markdown table with the load average.
 */
import { printPart } from '../lib/machine';
import { analyticsTable, runAnalyticsBench } from './run-analytics';

const quick = process.argv.includes('--quick');
printPart(async () => analyticsTable(await runAnalyticsBench(quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000], 21)));
