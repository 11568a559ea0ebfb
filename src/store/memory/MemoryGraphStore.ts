/**
 * Public. The embedded default store: the whole graph in process. Nodes and relations are
 * rows of typed columns over interned strings (the records read back exactly as merged),
 * and a read index built once per write (adjacency per direction, id ranks) serves every
 * traversal from typed arrays. Names are searched in a compact index built at load and kept
 * current by every merge.
 */
import type { GraphData, NodeRecord, RelationRecord } from '../../domain/graph-document';
import { NODE_LABELS, RELATION_TYPES, type NodeLabel, type RelationType } from '../../domain/ontology';
import { decodeCursor, encodeCursor } from '../cursor';
import type {
  CitySuggestionsResult,
  CommonPartnerResult,
  CommonPartnersQuery,
  FilteredListQuery,
  GraphCounts,
  GraphStore,
  ListNodesQuery,
  MergeOptions,
  MergeSummary,
  NodePage,
  OrganizationReach,
  PartnerOverlapResult,
  PathResult,
  PeerNetworkQuery,
  PeerResult,
  ProjectedGraph,
  Projection,
  ProjectionOptions,
  RelationsQuery,
  SearchHit,
  SearchQuery,
  SharedPartnersQuery,
  ShortestPathQuery,
  SubgraphQuery,
  SubgraphResult,
} from '../GraphStore';
import { checkPageSize, checkSearchText } from '../page-bounds';
import { ANY_CONFIDENCE, confidenceLimit, LABEL_CODE, TYPE_CODE, TYPE_SORT_KEY, typeCodes, typeMask } from './codes';
import { int32At, uint8At } from './columns';
import { compareIds, forEachRelation, inIdOrder, KnowledgeGraph } from './knowledge-graph';
import { mergeGraph } from './merge-graph';
import { NameIndex, type NamedNodes } from './names/NameIndex';
import { listNodesWhere, organizationReach } from './traversal/list-where';
import { commonPartners, sharedPartners } from './traversal/partners';
import { peerNetwork } from './traversal/peer-network';
import { project } from './traversal/project';
import { shortestPath } from './traversal/shortest-path';
import { similarCities } from './traversal/similar-cities';
import { subgraph } from './traversal/subgraph';

/** Index of the first node in an id-ordered list whose id is greater than `after`. */
function firstAfter(nodes: Int32Array, idOf: (node: number) => string, after: string): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (idOf(int32At(nodes, middle)) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The graph's nodes as the name index reads them. */
function namedNodes(graph: KnowledgeGraph): NamedNodes {
  return {
    get size() {
      return graph.nodes.size;
    },
    record: (node) => graph.nodes.record(node),
    stringOf: (node, key) => graph.nodes.stringOf(node, key),
    labelCodeOf: (node) => graph.nodes.labelCodeOf(node),
    rankOf: (node) => int32At(graph.index().rank, node),
  };
}

export class MemoryGraphStore implements GraphStore {
  readonly kind = 'memory' as const;
  private readonly graph = new KnowledgeGraph();
  private readonly names = new NameIndex(namedNodes(this.graph));

  async mergeGraph(data: GraphData, options: MergeOptions = {}): Promise<MergeSummary> {
    const total = data.nodes.length + data.relations.length;
    const summary = mergeGraph(this.graph, data, (changed) => this.names.upsert(changed));
    // A large first name index is built in a worker during the merge: the load waits for it.
    await this.names.ready();
    options.onProgress?.({ done: total, total });
    return summary;
  }

  prepareMerge(nodes: readonly NodeRecord[]): () => void {
    // Only a first merge numbers its nodes in order from 0, as the name index assumes.
    return this.graph.nodes.size === 0 ? this.names.prepare(nodes) : () => undefined;
  }

  async clear(): Promise<number> {
    const removed = this.graph.nodes.size;
    this.graph.clear();
    this.names.clear();
    return removed;
  }

  async removeRelation(id: string): Promise<boolean> {
    const relations = this.graph.relations;
    const row = relations.rowOf(id);
    if (row === undefined) return false;
    relations.remove(row);
    relations.compactIfWorthIt();
    this.graph.invalidate();
    return true;
  }

  async dumpGraph(): Promise<GraphData> {
    const index = this.graph.index();
    const nodes = Array.from(index.order, (node) => this.graph.nodes.record(node));
    const relations: RelationRecord[] = [];
    const table = this.graph.relations;
    for (let row = 0; row < table.rows; row += 1) if (table.isLive(row)) relations.push(table.record(row));
    return { nodes, relations: relations.sort((a, b) => compareIds(a.id, b.id)) };
  }

  async getNodes(ids: readonly string[]): Promise<readonly (NodeRecord | null)[]> {
    return ids.map((id) => {
      const node = this.graph.indexOf(id);
      return node === undefined ? null : this.graph.nodes.record(node);
    });
  }

  async listNodes(query: ListNodesQuery): Promise<NodePage> {
    checkPageSize(`list ${query.label}`, query.first);
    const afterId = query.after ? decodeCursor(query.after) : undefined;
    const ids = query.linkedTo ? this.linkedNodes(query.label, query.linkedTo) : this.graph.index().byLabel[query.label];
    const idOf = (node: number): string => this.graph.nodes.idOf(node);
    const start = afterId === undefined ? 0 : firstAfter(ids, idOf, afterId);
    const page = Array.from(ids.subarray(start, start + query.first), (node) => this.graph.nodes.record(node));
    const last = page[page.length - 1];
    return {
      nodes: page,
      totalCount: ids.length,
      endCursor: last === undefined ? null : encodeCursor(last.id),
      hasNextPage: start + query.first < ids.length,
    };
  }

  /** Nodes of a label with a relation of a type to (OUT) or from (IN) an anchor, in id order. */
  private linkedNodes(label: NodeLabel, linkedTo: NonNullable<ListNodesQuery['linkedTo']>): Int32Array {
    const anchor = this.graph.indexOf(linkedTo.id);
    if (anchor === undefined) return new Int32Array(0);
    const index = this.graph.index();
    const labels = this.graph.nodes.labels;
    const code = LABEL_CODE[label];
    const linked = new Set<number>();
    // The candidates' relation points OUT to the anchor: read the anchor's IN bucket.
    forEachRelation(index, anchor, linkedTo.direction === 'OUT' ? 'IN' : 'OUT', typeMask([TYPE_CODE[linkedTo.type]]), (neighbour) => {
      if (uint8At(labels, neighbour) === code) linked.add(neighbour);
    });
    return inIdOrder(index, [...linked]);
  }

  async getRelations(query: RelationsQuery): Promise<readonly RelationRecord[]> {
    const { rank } = this.graph.index();
    const table = this.graph.relations;
    const rows = [...this.relationRows(query)];
    // By (type, from, to) as their strings compare: type names alphabetically, ends by id rank.
    const typeKey = (row: number): number => int32At(TYPE_SORT_KEY, uint8At(table.types, row));
    rows.sort(
      (a, b) =>
        typeKey(a) - typeKey(b) ||
        int32At(rank, table.fromOf(a)) - int32At(rank, table.fromOf(b)) ||
        int32At(rank, table.toOf(a)) - int32At(rank, table.toOf(b)),
    );
    return rows.map((row) => table.record(row));
  }

  /** Rows of the relations a query touches, each once. */
  private relationRows(query: RelationsQuery): Set<number> {
    const index = this.graph.index();
    const mask = typeMask(typeCodes(query.types));
    const weakest = confidenceLimit(query.minConfidence);
    const table = this.graph.relations;
    const rows = new Set<number>();
    const keep =
      weakest === ANY_CONFIDENCE
        ? (_neighbour: number, row: number): void => void rows.add(row)
        : (_neighbour: number, row: number): void => {
            if (table.confidenceOf(row) <= weakest) rows.add(row);
          };
    for (const id of new Set(query.nodeIds)) {
      const node = this.graph.indexOf(id);
      if (node !== undefined) forEachRelation(index, node, query.direction, mask, keep);
    }
    return rows;
  }

  async search(query: SearchQuery): Promise<readonly SearchHit[]> {
    const text = checkSearchText(query.text);
    checkPageSize('search', query.first);
    const labels = query.labels && query.labels.length > 0 ? new Set(query.labels.map((label) => LABEL_CODE[label])) : undefined;
    const matches = this.names.search(text, labels, query.first);
    return matches.map((match) => ({ node: this.graph.nodes.record(match.node), score: match.score, exact: match.exact }));
  }

  async counts(): Promise<GraphCounts> {
    const index = this.graph.index();
    const byLabel = Object.fromEntries(NODE_LABELS.map((label) => [label, index.byLabel[label].length])) as Record<NodeLabel, number>;
    const byType = Object.fromEntries(RELATION_TYPES.map((type) => [type, int32At(index.typeCounts, TYPE_CODE[type])])) as Record<
      RelationType,
      number
    >;
    return { nodes: this.graph.nodes.size, relations: this.graph.relations.size, byLabel, byType };
  }

  async listNodesWhere(query: FilteredListQuery): Promise<NodePage> {
    return listNodesWhere(this.graph, query);
  }

  async organizationReach(ids: readonly string[]): Promise<readonly OrganizationReach[]> {
    return organizationReach(this.graph, ids);
  }

  async countRelations(query: RelationsQuery): Promise<number> {
    return this.relationRows(query).size;
  }

  async peerNetwork(query: PeerNetworkQuery): Promise<readonly PeerResult[]> {
    return peerNetwork(this.graph, query);
  }

  async shortestPath(query: ShortestPathQuery): Promise<PathResult | null> {
    return shortestPath(this.graph, query);
  }

  async sharedPartners(query: SharedPartnersQuery): Promise<readonly PartnerOverlapResult[]> {
    return sharedPartners(this.graph, query);
  }

  async commonPartners(query: CommonPartnersQuery): Promise<readonly CommonPartnerResult[]> {
    return commonPartners(this.graph, query);
  }

  async subgraph(query: SubgraphQuery): Promise<SubgraphResult> {
    return subgraph(this.graph, query);
  }

  async similarCities(query: { readonly cityId: string; readonly first: number }): Promise<CitySuggestionsResult | null> {
    return similarCities(this.graph, query.cityId, query.first);
  }

  async project(projection: Projection, options?: ProjectionOptions): Promise<ProjectedGraph> {
    return project(this.graph, projection, options);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
