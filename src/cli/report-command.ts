/**
 * Internal. `cities-kg report`: prints the coverage report of seed/graph (which documents
 * the nodes and relations cite, counts by label and relation type).
 */
import { validateGraph } from '../domain/validate-graph';
import { coverageReport, formatCoverageReport } from '../ingest/coverage-report';
import { readSeed } from '../ingest/read-seed';
import type { Command } from './command';

export const reportCommand: Command = async (_args, { config, out, err }) => {
  const { graph, problems } = validateGraph(await readSeed(config.seedDir));
  if (problems.length > 0) {
    err.write(`seed/graph is invalid (${problems.length} problem(s)); run npm run validate\n`);
    return 1;
  }
  out.write(`${formatCoverageReport(coverageReport(graph))}\n`);
  return 0;
};
