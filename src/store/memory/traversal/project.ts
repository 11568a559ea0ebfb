/**
 * Internal. Undirected, weighted projections of the graph for analytics (centrality,
 * communities), computed in the service with graphology's algorithm packages.
 */
import { DEFAULT_PEER_EVENT_KINDS, type NodeLabel } from '../../../domain/ontology';
import type { Projection, ProjectedGraph, ProjectionOptions } from '../../GraphStore';
import { exchangeProjection } from '../../peer-links';
import { LABEL_CODE, typeCodes, typeMask } from '../codes';
import { uint8At } from '../columns';
import { compareIds, type KnowledgeGraph } from '../knowledge-graph';
import { PARTNER_TYPES } from './partners';
import { attendancesOfKinds, peerFacts } from './peer-facts';

const PARTNER_MASK = typeMask(typeCodes(PARTNER_TYPES));
const ORGANIZATION = LABEL_CODE.Organization;

class ProjectionBuilder {
  private readonly nodes = new Map<string, NodeLabel>();
  private readonly weights = new Map<string, number>();

  constructor(private readonly graph: KnowledgeGraph) {}

  link(a: number, b: number): void {
    if (a === b) return;
    const ids = this.graph.nodes;
    this.addNode(a);
    this.addNode(b);
    const [source, target] = [ids.idOf(a), ids.idOf(b)].sort(compareIds);
    const key = `${source}\u0000${target}`;
    this.weights.set(key, (this.weights.get(key) ?? 0) + 1);
  }

  addNode(node: number): void {
    this.nodes.set(this.graph.nodes.idOf(node), this.graph.nodes.labelOf(node));
  }

  build(): ProjectedGraph {
    return {
      nodes: [...this.nodes].map(([id, label]) => ({ id, label })).sort((a, b) => compareIds(a.id, b.id)),
      edges: [...this.weights]
        .map(([key, weight]) => {
          const [source = '', target = ''] = key.split('\u0000');
          return { source, target, weight };
        })
        .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target)),
    };
  }
}

export function project(graph: KnowledgeGraph, projection: Projection, options: ProjectionOptions = {}): ProjectedGraph {
  if (projection === 'EXCHANGE') {
    const facts = peerFacts(graph);
    return exchangeProjection(attendancesOfKinds(facts, options.eventKinds ?? DEFAULT_PEER_EVENT_KINDS), facts.learnings);
  }
  const builder = new ProjectionBuilder(graph);
  const table = graph.relations;
  const labels = graph.nodes.labels;
  for (let row = 0; row < table.rows; row += 1) {
    if (!table.isLive(row)) continue;
    const from = table.fromOf(row);
    const to = table.toOf(row);
    if (projection === 'PARTNERSHIP') {
      if (!((PARTNER_MASK >>> uint8At(table.types, row)) & 1)) continue;
      if (uint8At(labels, from) !== ORGANIZATION && uint8At(labels, to) !== ORGANIZATION) continue;
    }
    builder.link(from, to);
  }
  return builder.build();
}
