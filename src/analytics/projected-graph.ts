/**
 * Internal. A store's projection as a graphology undirected graph, for the algorithm packages.
 */
import { UndirectedGraph } from 'graphology';
import type { NodeLabel } from '../domain/ontology';
import type { ProjectedGraph } from '../store/GraphStore';

export type AnalyticsGraph = UndirectedGraph<{ label: NodeLabel }, { weight: number }>;

export function toGraphology(projection: ProjectedGraph): AnalyticsGraph {
  const graph: AnalyticsGraph = new UndirectedGraph();
  for (const node of projection.nodes) graph.addNode(node.id, { label: node.label });
  for (const edge of projection.edges) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  return graph;
}

/** A small seeded generator (mulberry32) so that randomised algorithms answer the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
