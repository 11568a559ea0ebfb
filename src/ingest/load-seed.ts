/**
 * Public. Loads a seed folder into a validated graph, or fails with every problem found.
 */
import type { GraphData, NodeRecord } from '../domain/graph-document';
import { validateGraph, type Problem } from '../domain/validate-graph';
import { readSeed } from './read-seed';

export class InvalidSeedError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`the seed graph has ${problems.length} problem(s):\n${formatProblems(problems)}`);
    this.name = 'InvalidSeedError';
  }
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => `  ${problem.file} ${problem.entity} [${problem.code}] ${problem.message}`).join('\n');
}

export interface LoadSeedOptions {
  /** Hears the graph's nodes (if no node has a problem) before the relations are checked (validateGraph's `onNodes`). */
  readonly onNodes?: (nodes: readonly NodeRecord[]) => void;
}

/** Reads and validates `seedDir`; throws `InvalidSeedError` listing every problem. */
export async function loadSeed(seedDir?: string, options: LoadSeedOptions = {}): Promise<GraphData> {
  // The files are read here for this call alone: their entries may become the graph's records.
  const { graph, problems } = validateGraph(await readSeed(seedDir), { adoptInput: true, onNodes: options.onNodes });
  if (problems.length > 0) throw new InvalidSeedError(problems);
  return graph;
}
