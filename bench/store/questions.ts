/**
 * The questions both engines answer, drawn from the graph with a seeded generator: every
 * child process (memory or Kuzu) draws the same ones from the same graph.
 */
import type { GraphData } from '../../src/domain/graph-document';
import { Rng } from '../synthetic/rng';

export interface Questions {
  /** Cities that took part in at least one exchange (a city with none has no peers to find). */
  readonly peerStarts: readonly string[];
  /** Random pairs of cities. */
  readonly pathPairs: readonly (readonly [string, string])[];
  /** Random cities, expanded two hops. */
  readonly subgraphStarts: readonly string[];
  /** Sets of 10 random programmes (at most 45 pairs: no answer is cut by a page size). */
  readonly programmeSets: readonly (readonly string[])[];
}

export function drawQuestions(graph: GraphData, count: number, seed = 7): Questions {
  const rng = new Rng(seed);
  const labelOf = new Map(graph.nodes.map((node) => [node.id, node]));
  const exchanging = new Set<string>();
  for (const relation of graph.relations) {
    if (relation.type !== 'PARTICIPATED_IN') continue;
    const event = labelOf.get(relation.to);
    if (event?.label === 'Event' && event.kind === 'exchange' && labelOf.get(relation.from)?.label === 'City')
      exchanging.add(relation.from);
  }
  const exchangers = [...exchanging].sort();
  const cities = graph.nodes.filter((node) => node.label === 'City').map((node) => node.id);
  const programmes = graph.nodes.filter((node) => node.label === 'Programme').map((node) => node.id);
  const draw = <T>(make: () => T, n = count): T[] => Array.from({ length: n }, make);
  return {
    peerStarts: draw(() => rng.pick(exchangers)),
    pathPairs: draw(() => [rng.pick(cities), rng.pick(cities)] as const),
    subgraphStarts: draw(() => rng.pick(cities)),
    programmeSets: draw(() => draw(() => rng.pick(programmes), 10)),
  };
}
