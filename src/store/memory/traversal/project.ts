/**
 * Internal. Undirected, weighted projections of the graph for analytics (centrality,
 * communities), computed in the service with graphology's algorithm packages.
 */
import type { NodeLabel } from '../../../domain/ontology';
import type { Projection, ProjectedGraph } from '../../GraphStore';
import { TYPE_CODE } from '../codes';
import { compareIds, type KnowledgeGraph } from '../knowledge-graph';
import { PARTNER_TYPES } from './partners';

const PEER_EVENT_KINDS = new Set(['exchange', 'workshop']);

class ProjectionBuilder {
  private readonly nodes = new Map<string, NodeLabel>();
  private readonly weights = new Map<string, number>();

  constructor(private readonly graph: KnowledgeGraph) {}

  link(a: string, b: string): void {
    if (a === b) return;
    const [source, target] = compareIds(a, b) < 0 ? [a, b] : [b, a];
    this.addNode(source);
    this.addNode(target);
    const key = `${source}\u0000${target}`;
    this.weights.set(key, (this.weights.get(key) ?? 0) + 1);
  }

  addNode(id: string): void {
    this.nodes.set(id, this.graph.record(id).label);
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
  const index = graph.index();
  const records = graph.nodes.records;
  if (projection === 'EXCHANGE') {
    const participated = TYPE_CODE.PARTICIPATED_IN;
    for (const event of index.byLabel.get('Event') ?? []) {
      const record = records[event]!;
      if (record.label !== 'Event' || !PEER_EVENT_KINDS.has(record.kind)) continue;
      const participants: string[] = [];
      for (let k = index.in.offsets[event]!, end = index.in.offsets[event + 1]!; k < end; k += 1) {
        if (index.in.types[k] !== participated) continue;
        const participant = records[index.in.neighbours[k]!]!;
        if (participant.label === 'City' || participant.label === 'Country') participants.push(participant.id);
      }
      for (const id of participants) builder.addNode(id);
      for (let i = 0; i < participants.length; i += 1) {
        for (let j = i + 1; j < participants.length; j += 1) builder.link(participants[i]!, participants[j]!);
      }
    }
  } else {
    for (const relation of graph.relations.records) {
      if (!relation) continue;
      if (projection === 'PARTNERSHIP') {
        if (!PARTNER_TYPES.has(relation.type)) continue;
        if (graph.record(relation.from).label !== 'Organization' && graph.record(relation.to).label !== 'Organization') continue;
      }
      builder.link(relation.from, relation.to);
    }
  }
  return builder.build();
}
