/**
 * Public. Centrality over a projection, with graphology-metrics, raw beside normalised:
 * DEGREE (raw: neighbours; normalised: ÷ (n − 1)), BETWEENNESS (raw: shortest paths through
 * the node; normalised as graphology does, ÷ ((n − 1)(n − 2) / 2)) and PAGERANK (weighted;
 * raw: the PageRank, which sums to 1; normalised: ÷ the highest). Ties are ordered by id and
 * reported: `rank` is shared by equal scores (1, 1, 3 …) and `tied` counts the others with it.
 */
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { NodeLabel } from '../domain/ontology';
import type { ProjectedGraph } from '../store/GraphStore';
import { toGraphology } from './projected-graph';

export type CentralityMetric = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

export interface CentralityScore {
  readonly id: string;
  /** Normalised to [0, 1]. */
  readonly score: number;
  readonly raw: number;
  /** 1-based; equal scores share a rank. */
  readonly rank: number;
  /** How many other nodes of the type have the same score. */
  readonly tied: number;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

function rawScores(
  projection: ProjectedGraph,
  metric: CentralityMetric,
): { raw: Record<string, number>; normalise: (value: number) => number } {
  const graph = toGraphology(projection);
  const n = graph.order;
  if (metric === 'DEGREE') {
    const raw: Record<string, number> = {};
    graph.forEachNode((id) => {
      raw[id] = graph.degree(id);
    });
    return { raw, normalise: (value) => (n > 1 ? value / (n - 1) : 0) };
  }
  if (metric === 'BETWEENNESS') {
    const pairs = ((n - 1) * (n - 2)) / 2;
    return { raw: betweenness(graph, { normalized: false }), normalise: (value) => (pairs > 0 ? value / pairs : 0) };
  }
  const raw = pagerank(graph, { getEdgeWeight: 'weight' });
  const highest = Math.max(0, ...Object.values(raw));
  return { raw, normalise: (value) => (highest > 0 ? value / highest : 0) };
}

export function centrality(projection: ProjectedGraph, metric: CentralityMetric, label: NodeLabel, first: number): CentralityScore[] {
  if (projection.nodes.length === 0) return [];
  const { raw, normalise } = rawScores(projection, metric);
  const wanted = new Set(projection.nodes.filter((node) => node.label === label).map((node) => node.id));
  const scored = Object.entries(raw)
    .filter(([id]) => wanted.has(id))
    .map(([id, value]) => ({ id, raw: round(value), score: round(normalise(value)) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts = new Map<number, number>();
  for (const entry of scored) counts.set(entry.score, (counts.get(entry.score) ?? 0) + 1);
  let rank = 0;
  let previous: number | undefined;
  return scored
    .map((entry, index) => {
      if (entry.score !== previous) rank = index + 1;
      previous = entry.score;
      return { ...entry, rank, tied: (counts.get(entry.score) ?? 1) - 1 };
    })
    .slice(0, first);
}

/** The labels a projection can ever hold (a type outside them is a question it cannot answer). */
export function labelsOfProjection(projection: 'EXCHANGE' | 'PARTNERSHIP' | 'ALL'): readonly NodeLabel[] | 'any' {
  if (projection === 'EXCHANGE') return ['City', 'Country'];
  if (projection === 'PARTNERSHIP') return ['Organization', 'Programme', 'Event', 'City'];
  return 'any';
}
