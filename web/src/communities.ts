/**
 * "Colour by community": Louvain communities of what is drawn (graphology-communities-louvain,
 * the package the API's `communities` query uses), over an undirected simple copy, since
 * Louvain reads neither direction nor parallel relations. Seeded, so the same drawing always
 * gets the same colours.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { ExplorerGraph } from './graph';

/** Tableau 20's darker half and a few more: enough to tell the larger communities apart. */
export const COMMUNITY_COLOURS: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
];

/** The drawn node's colour for its community (communities numbered largest first). */
export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length] ?? '#7f7f7f';
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each drawn node's community, numbered from the largest (0) down. */
export function communitiesOf(graph: ExplorerGraph): Map<string, number> {
  const simple = new UndirectedGraph();
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target) simple.mergeEdge(source, target);
  });
  const assignment = simple.size === 0 ? {} : louvain(simple, { rng: seeded(42) });
  const sizes = new Map<number, number>();
  for (const community of Object.values(assignment)) sizes.set(community, (sizes.get(community) ?? 0) + 1);
  const rank = new Map([...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([community], index) => [community, index]));
  const result = new Map<string, number>();
  graph.forEachNode((node) => result.set(node, rank.get(assignment[node] ?? -1) ?? rank.size));
  return result;
}
