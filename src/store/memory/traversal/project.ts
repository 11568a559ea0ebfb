/**
 * Internal. Undirected, weighted projections of the graph for analytics (centrality,
 * communities), computed in the service with graphology's algorithm packages.
 */
import type { NodeLabel } from '../../../domain/ontology';
import type { Projection, ProjectedGraph } from '../../GraphStore';
import { compareIds, labelOf, relationsAt, type KnowledgeGraph } from '../knowledge-graph';
import { PARTNER_TYPES } from './partners';

const PEER_EVENT_KINDS = new Set(['exchange', 'workshop']);

class ProjectionBuilder {
  private readonly nodes = new Map<string, NodeLabel>();
  private readonly weights = new Map<string, number>();

  constructor(private readonly graph: KnowledgeGraph) {}

  link(a: string, b: string): void {
    if (a === b) return;
    const [source, target] = compareIds(a, b) < 0 ? [a, b] : [b, a];
    this.nodes.set(source, labelOf(this.graph, source));
    this.nodes.set(target, labelOf(this.graph, target));
    const key = `${source}\u0000${target}`;
    this.weights.set(key, (this.weights.get(key) ?? 0) + 1);
  }

  addNode(id: string): void {
    this.nodes.set(id, labelOf(this.graph, id));
  }

  build(): ProjectedGraph {
    return {
      nodes: [...this.nodes].map(([id, label]) => ({ id, label })).sort((a, b) => compareIds(a.id, b.id)),
      edges: [...this.weights]
        .map(([key, weight]) => {
          const [source, target] = key.split('\u0000') as [string, string];
          return { source, target, weight };
        })
        .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target)),
    };
  }
}

export function project(graph: KnowledgeGraph, projection: Projection): ProjectedGraph {
  const builder = new ProjectionBuilder(graph);
  if (projection === 'EXCHANGE') {
    graph.forEachNode((eventId, attributes) => {
      const event = attributes.record;
      if (event.label !== 'Event' || !PEER_EVENT_KINDS.has(event.kind)) return;
      const participants = relationsAt(graph, eventId, 'IN', new Set(['PARTICIPATED_IN']))
        .map((relation) => relation.from)
        .filter((id) => ['City', 'Country'].includes(labelOf(graph, id)));
      for (const id of participants) builder.addNode(id);
      for (let i = 0; i < participants.length; i += 1) {
        for (let j = i + 1; j < participants.length; j += 1) builder.link(participants[i]!, participants[j]!);
      }
    });
  } else {
    graph.forEachEdge((_edge, attributes) => {
      const relation = attributes.record;
      if (projection === 'PARTNERSHIP') {
        if (!PARTNER_TYPES.has(relation.type)) return;
        if (labelOf(graph, relation.from) !== 'Organization' && labelOf(graph, relation.to) !== 'Organization') return;
      }
      builder.link(relation.from, relation.to);
    });
  }
  return builder.build();
}
