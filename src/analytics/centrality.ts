/**
 * Public. Centrality over a projection, with graphology-metrics: degree (normalised),
 * betweenness (normalised) and PageRank (weighted).
 */
import betweenness from 'graphology-metrics/centrality/betweenness';
import { degreeCentrality } from 'graphology-metrics/centrality/degree';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { NodeLabel } from '../domain/ontology';
import type { ProjectedGraph } from '../store/GraphStore';
import { toGraphology } from './projected-graph';

export type CentralityMetric = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

export interface CentralityScore {
  readonly id: string;
  readonly score: number;
}

export function centrality(projection: ProjectedGraph, metric: CentralityMetric, label: NodeLabel, first: number): CentralityScore[] {
  const graph = toGraphology(projection);
  if (graph.order === 0) return [];
  const scores: Record<string, number> =
    metric === 'DEGREE'
      ? degreeCentrality(graph)
      : metric === 'BETWEENNESS'
        ? betweenness(graph, { normalized: true })
        : pagerank(graph, { getEdgeWeight: 'weight' });
  return Object.entries(scores)
    .filter(([id]) => graph.getNodeAttribute(id, 'label') === label)
    .map(([id, score]) => ({ id, score: Math.round(score * 1e6) / 1e6 }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, first);
}
