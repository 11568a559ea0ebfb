/**
 * Internal. Undirected, weighted projections of the graph for analytics (centrality,
 * communities), computed in the service with graphology's algorithm packages.
 */
import type { NodeLabel } from '../../../domain/ontology';
import type { Projection, ProjectedGraph } from '../../GraphStore';
import { LABEL_CODE, TYPE_CODE, typeCodes, typeMask } from '../codes';
import { int32At, uint8At } from '../columns';
import { compareIds, type KnowledgeGraph } from '../knowledge-graph';
import { PARTNER_TYPES } from './partners';

const PEER_EVENT_KINDS = ['exchange', 'workshop'];
const PARTNER_MASK = typeMask(typeCodes(PARTNER_TYPES));
const CITY = LABEL_CODE.City;
const COUNTRY = LABEL_CODE.Country;
const ORGANIZATION = LABEL_CODE.Organization;
const EVENT = LABEL_CODE.Event;

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

function projectExchanges(graph: KnowledgeGraph, builder: ProjectionBuilder): void {
  const index = graph.index();
  const { labels, kinds } = graph.nodes;
  const peerKinds = new Set(PEER_EVENT_KINDS.map((kind) => graph.strings.codeOf(kind)));
  const participated = TYPE_CODE.PARTICIPATED_IN;
  for (const event of index.byLabel.Event) {
    if (uint8At(labels, event) !== EVENT || !peerKinds.has(int32At(kinds, event))) continue;
    const participants: number[] = [];
    for (let k = int32At(index.in.offsets, event), end = int32At(index.in.offsets, event + 1); k < end; k += 1) {
      if (uint8At(index.in.types, k) !== participated) continue;
      const participant = int32At(index.in.neighbours, k);
      const label = uint8At(labels, participant);
      if (label === CITY || label === COUNTRY) participants.push(participant);
    }
    for (const participant of participants) builder.addNode(participant);
    participants.forEach((a, i) => {
      for (const b of participants.slice(i + 1)) builder.link(a, b);
    });
  }
}

export function project(graph: KnowledgeGraph, projection: Projection): ProjectedGraph {
  const builder = new ProjectionBuilder(graph);
  if (projection === 'EXCHANGE') {
    projectExchanges(graph, builder);
    return builder.build();
  }
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
