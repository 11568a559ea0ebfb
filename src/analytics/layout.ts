/**
 * Public. Positions for a subgraph, so sigma.js can draw it at once: a circle, or
 * ForceAtlas2 started from that circle (deterministic: no random start).
 */
import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** Iterations of ForceAtlas2 (the cost model counts them). */
export const FORCEATLAS2_ITERATIONS = 200;

export type LayoutKind = 'NONE' | 'CIRCULAR' | 'FORCEATLAS2';

export function layoutPositions(
  nodeIds: readonly string[],
  edges: readonly { readonly source: string; readonly target: string }[],
  kind: LayoutKind,
): Map<string, { x: number; y: number }> {
  if (kind === 'NONE' || nodeIds.length === 0) return new Map();
  const graph = new Graph({ multi: true, type: 'undirected' });
  for (const id of nodeIds) graph.addNode(id);
  for (const edge of edges) if (edge.source !== edge.target) graph.addEdge(edge.source, edge.target);
  circular.assign(graph, { scale: 100 });
  if (kind === 'FORCEATLAS2') {
    forceAtlas2.assign(graph, { iterations: FORCEATLAS2_ITERATIONS, settings: forceAtlas2.inferSettings(graph) });
  }
  const positions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id, attributes: { x?: number; y?: number }) => {
    positions.set(id, { x: round(attributes.x ?? 0), y: round(attributes.y ?? 0) });
  });
  return positions;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
