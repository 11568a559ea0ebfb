/**
 * Internal. `cities-kg validate`: checks seed/graph against the ontology and the sources and
 * lists every problem (file, entity, code); exit 1 when there is any.
 */
import { validateGraph } from '../domain/validate-graph';
import { formatProblems } from '../ingest/load-seed';
import { readSeed } from '../ingest/read-seed';
import type { Command } from './command';

export const validateCommand: Command = async (_args, { config, out, err }) => {
  const { graph, problems } = validateGraph(await readSeed(config.seedDir));
  if (problems.length > 0) {
    err.write(`seed/graph is invalid: ${problems.length} problem(s)\n${formatProblems(problems)}\n`);
    return 1;
  }
  out.write(`seed/graph is valid: ${graph.nodes.length} nodes, ${graph.relations.length} relations\n`);
  return 0;
};
