/**
 * Public. Louvain communities of a projection (graphology-communities-louvain), with a
 * seeded random source so the same graph always gives the same communities.
 */
import louvain from 'graphology-communities-louvain';
import type { ProjectedGraph } from '../store/GraphStore';
import { seededRandom, toGraphology } from './projected-graph';

export interface CommunityResult {
  readonly id: number;
  readonly memberIds: readonly string[];
}

export function communities(projection: ProjectedGraph): CommunityResult[] {
  const graph = toGraphology(projection);
  if (graph.order === 0) return [];
  const assignment = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(42) });
  const members = new Map<number, string[]>();
  for (const [id, community] of Object.entries(assignment)) {
    const list = members.get(community) ?? [];
    list.push(id);
    members.set(community, list);
  }
  // Renumber largest first (then by first member) so ids are stable and meaningful.
  return [...members.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1))
    .map((memberIds, index) => ({ id: index, memberIds }));
}
