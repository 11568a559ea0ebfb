/**
 * The graph the page draws: a graphology multi directed graph whose attributes are those of
 * the `/export/graph.json` file (so that file loads as is), plus what sigma.js needs to draw
 * (x, y, size, label, color). Sigma reserves `type` for its programs, hence `nodeType` and
 * `relationType`.
 */
import { MultiDirectedGraph } from 'graphology';
import type { NodeLabel, RelationType } from '../../src/domain/ontology';
import { LABEL_COLOURS, nodeSize } from '../../src/export/palette';
import { labelOf, type EdgeSummary, type NodeSummary } from './api';

export interface ExplorerNode {
  label: string;
  nodeType: NodeLabel;
  nameAr: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** The node's kind (an organisation's `network`, say), as the JSON export gives it. */
  kind?: string;
  /** Pinned: the layout leaves it where it is (isolated nodes kept apart). */
  fixed?: boolean;
  /** An event's dates (YYYY, YYYY-MM or YYYY-MM-DD), for the time filter. */
  startDate?: string;
  endDate?: string;
  /** Whether its depth-1 neighbourhood has been fetched (clicking it again adds nothing new). */
  expanded?: boolean;
}

/** Edge size and colour come from sigma's settings and the reducers (see renderer.ts). */
export interface ExplorerEdge {
  relationType: RelationType;
  label: string;
}

export type ExplorerGraph = MultiDirectedGraph<ExplorerNode, ExplorerEdge>;

export function createGraph(): ExplorerGraph {
  return new MultiDirectedGraph<ExplorerNode, ExplorerEdge>({ allowSelfLoops: true });
}

/**
 * A number in [0, 1) from a text: FNV-1a over it from `seed`, then MurmurHash3's final mix,
 * so ids that differ in their last letter (districts, numbered events) land far apart.
 */
function unitHash(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * Adds the nodes not yet drawn, scattered around `near` (the node being expanded) so the
 * layout starts from a sensible place instead of piling everything on one point; each at an
 * angle and distance of its own id. Returns the ids it added.
 */
export function addNodes(graph: ExplorerGraph, nodes: readonly NodeSummary[], near?: string): string[] {
  const centre = near && graph.hasNode(near) ? graph.getNodeAttributes(near) : { x: 0, y: 0 };
  const spread = Math.max(10, Math.sqrt(graph.order + nodes.length) * 5);
  const added: string[] = [];
  for (const node of nodes) {
    if (graph.hasNode(node.id)) continue;
    const label = labelOf(node.type);
    // Placed by the id, not at random: the same neighbourhood opens as the same picture.
    const angle = unitHash(node.id, 1) * 2 * Math.PI;
    const radius = spread * (0.3 + unitHash(node.id, 2) * 0.7);
    graph.addNode(node.id, {
      label: node.name,
      nodeType: label,
      nameAr: node.nameAr,
      x: centre.x + Math.cos(angle) * radius,
      y: centre.y + Math.sin(angle) * radius,
      size: nodeSize(0),
      color: LABEL_COLOURS[label],
    });
    added.push(node.id);
  }
  return added;
}

/** Adds the edges not yet drawn whose both ends are drawn. */
export function addEdges(graph: ExplorerGraph, edges: readonly EdgeSummary[]): void {
  for (const edge of edges) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { relationType: edge.type, label: edge.type });
  }
}

/** Sizes follow degree, so they are recomputed after every merge. */
export function resize(graph: ExplorerGraph): void {
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', nodeSize(graph.degree(node))));
}
