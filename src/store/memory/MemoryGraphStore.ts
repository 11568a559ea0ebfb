/**
 * Public. The embedded default store: the whole graph in process, in a graphology
 * multi-directed graph (one edge per relation, keyed by relation id), with a MiniSearch
 * name index and per-label id lists for cursor pages.
 */
import { MultiDirectedGraph } from 'graphology';
import type { GraphData, NodeRecord, RelationRecord } from '../../domain/graph-document';
import { NODE_LABELS, RELATION_TYPES, type NodeLabel, type RelationType } from '../../domain/ontology';
import { decodeCursor, encodeCursor } from '../cursor';
import {
  ConflictError,
  InvalidArgumentError,
  type CitySuggestionResult,
  type GraphCounts,
  type GraphStore,
  type PartnerOverlapResult,
  type PathResult,
  type PeerNetworkQuery,
  type PeerResult,
  type ProjectedGraph,
  type Projection,
  type SharedPartnersQuery,
  type ShortestPathQuery,
  type SubgraphQuery,
  type SubgraphResult,
  type ListNodesQuery,
  type MergeOptions,
  type MergeSummary,
  type NodePage,
  type RelationsQuery,
  type SearchHit,
  type SearchQuery,
} from '../GraphStore';
import { checkPageSize, checkSearchText } from '../page-bounds';
import { stableJson } from '../stable-json';
import { compareIds, type EdgeAttributes, type NodeAttributes } from './knowledge-graph';
import { NameIndex } from './NameIndex';
import { commonPartners, sharedPartners } from './traversal/partners';
import { peerNetwork } from './traversal/peer-network';
import { project } from './traversal/project';
import { shortestPath } from './traversal/shortest-path';
import { similarCities } from './traversal/similar-cities';
import { subgraph } from './traversal/subgraph';


function compareRelations(a: RelationRecord, b: RelationRecord): number {
  return compareIds(a.type, b.type) || compareIds(a.from, b.from) || compareIds(a.to, b.to);
}

/** Index of the first id in a sorted list that is greater than `after`. */
function firstAfter(sortedIds: readonly string[], after: string): number {
  let low = 0;
  let high = sortedIds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sortedIds[middle] as string) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class MemoryGraphStore implements GraphStore {
  readonly kind = 'memory' as const;
  private readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  private readonly names = new NameIndex();
  /** Sorted ids per label; rebuilt lazily after a write. */
  private idsByLabel: Map<NodeLabel, string[]> | undefined;

  async mergeGraph(data: GraphData, options: MergeOptions = {}): Promise<MergeSummary> {
    const total = data.nodes.length + data.relations.length;
    // Check everything before writing anything, so a bad graph changes nothing.
    for (const node of data.nodes) this.checkNodeMerge(node);
    const nodeIds = new Set(data.nodes.map((node) => node.id));
    for (const relation of data.relations) {
      for (const end of [relation.from, relation.to]) {
        if (!nodeIds.has(end) && !this.graph.hasNode(end)) {
          throw new InvalidArgumentError(
            `mergeGraph: relation ${relation.id} ends at ${end}, which is neither in the graph nor in the store`,
          );
        }
      }
    }

    let nodesCreated = 0;
    let nodesUpdated = 0;
    for (const node of data.nodes) {
      if (!this.graph.hasNode(node.id)) {
        this.graph.addNode(node.id, { record: node });
        this.names.upsert(node);
        nodesCreated += 1;
      } else if (stableJson(this.graph.getNodeAttribute(node.id, 'record')) !== stableJson(node)) {
        this.graph.setNodeAttribute(node.id, 'record', node);
        this.names.upsert(node);
        nodesUpdated += 1;
      }
    }
    let relationsCreated = 0;
    let relationsUpdated = 0;
    for (const relation of data.relations) {
      if (!this.graph.hasEdge(relation.id)) {
        this.graph.addEdgeWithKey(relation.id, relation.from, relation.to, { record: relation });
        relationsCreated += 1;
      } else if (stableJson(this.graph.getEdgeAttribute(relation.id, 'record')) !== stableJson(relation)) {
        this.graph.setEdgeAttribute(relation.id, 'record', relation);
        relationsUpdated += 1;
      }
    }
    if (nodesCreated > 0) this.idsByLabel = undefined;
    options.onProgress?.({ done: total, total });
    return { nodesCreated, nodesUpdated, relationsCreated, relationsUpdated };
  }

  private checkNodeMerge(node: NodeRecord): void {
    if (!this.graph.hasNode(node.id)) return;
    const known = this.graph.getNodeAttribute(node.id, 'record');
    if (known.label !== node.label) {
      throw new ConflictError(`mergeGraph: node ${node.id} is a ${known.label}; it cannot become a ${node.label}`);
    }
  }

  async clear(): Promise<number> {
    const removed = this.graph.order;
    this.graph.clear();
    this.names.clear();
    this.idsByLabel = undefined;
    return removed;
  }

  async removeRelation(id: string): Promise<boolean> {
    if (!this.graph.hasEdge(id)) return false;
    this.graph.dropEdge(id);
    return true;
  }

  async dumpGraph(): Promise<GraphData> {
    const nodes = this.graph.mapNodes((_id, attributes) => attributes.record).sort((a, b) => compareIds(a.id, b.id));
    const relations = this.graph.mapEdges((_id, attributes) => attributes.record).sort((a, b) => compareIds(a.id, b.id));
    return { nodes, relations };
  }

  async getNodes(ids: readonly string[]): Promise<readonly (NodeRecord | null)[]> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'record') : null));
  }

  async listNodes(query: ListNodesQuery): Promise<NodePage> {
    checkPageSize(`list ${query.label}`, query.first);
    const afterId = query.after ? decodeCursor(query.after) : undefined;
    let ids = this.sortedIds(query.label);
    if (query.linkedTo) ids = this.filterLinked(ids, query.linkedTo);
    const start = afterId === undefined ? 0 : firstAfter(ids, afterId);
    const pageIds = ids.slice(start, start + query.first);
    const last = pageIds[pageIds.length - 1];
    return {
      nodes: pageIds.map((id) => this.graph.getNodeAttribute(id, 'record')),
      totalCount: ids.length,
      endCursor: last === undefined ? null : encodeCursor(last),
      hasNextPage: start + query.first < ids.length,
    };
  }

  private sortedIds(label: NodeLabel): string[] {
    if (!this.idsByLabel) {
      const byLabel = new Map<NodeLabel, string[]>(NODE_LABELS.map((each) => [each, []]));
      this.graph.forEachNode((id, attributes) => byLabel.get(attributes.record.label)?.push(id));
      for (const ids of byLabel.values()) ids.sort(compareIds);
      this.idsByLabel = byLabel;
    }
    return this.idsByLabel.get(label) ?? [];
  }

  private filterLinked(ids: readonly string[], linkedTo: NonNullable<ListNodesQuery['linkedTo']>): string[] {
    if (!this.graph.hasNode(linkedTo.id)) return [];
    // The candidates' relation points OUT to the anchor when direction is OUT.
    const linked = new Set<string>();
    const collect = (_edge: string, attributes: EdgeAttributes, source: string, target: string): void => {
      if (attributes.record.type === linkedTo.type) linked.add(linkedTo.direction === 'OUT' ? source : target);
    };
    if (linkedTo.direction === 'OUT') this.graph.forEachInEdge(linkedTo.id, collect);
    else this.graph.forEachOutEdge(linkedTo.id, collect);
    return ids.filter((id) => linked.has(id));
  }

  async getRelations(query: RelationsQuery): Promise<readonly RelationRecord[]> {
    const types = query.types && query.types.length > 0 ? new Set<RelationType>(query.types) : undefined;
    const found = new Map<string, RelationRecord>();
    const keep = (_edge: string, attributes: EdgeAttributes): void => {
      if (!types || types.has(attributes.record.type)) found.set(attributes.record.id, attributes.record);
    };
    for (const id of new Set(query.nodeIds)) {
      if (!this.graph.hasNode(id)) continue;
      if (query.direction !== 'IN') this.graph.forEachOutEdge(id, keep);
      if (query.direction !== 'OUT') this.graph.forEachInEdge(id, keep);
    }
    return [...found.values()].sort(compareRelations);
  }

  async search(query: SearchQuery): Promise<readonly SearchHit[]> {
    const text = checkSearchText(query.text);
    checkPageSize('search', query.first);
    return this.names.search(text, query.labels, query.first).map((match) => ({
      node: this.graph.getNodeAttribute(match.id, 'record'),
      score: match.score,
      exact: match.exact,
    }));
  }

  async counts(): Promise<GraphCounts> {
    const byLabel = Object.fromEntries(NODE_LABELS.map((label) => [label, this.sortedIds(label).length])) as Record<NodeLabel, number>;
    const byType = Object.fromEntries(RELATION_TYPES.map((type) => [type, 0])) as Record<RelationType, number>;
    this.graph.forEachEdge((_edge, attributes) => {
      byType[attributes.record.type] += 1;
    });
    return { nodes: this.graph.order, relations: this.graph.size, byLabel, byType };
  }

  async countRelations(query: RelationsQuery): Promise<number> {
    return (await this.getRelations(query)).length;
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

  async commonPartners(ids: readonly string[]): Promise<readonly string[]> {
    return commonPartners(this.graph, ids);
  }

  async subgraph(query: SubgraphQuery): Promise<SubgraphResult> {
    return subgraph(this.graph, query);
  }

  async similarCities(query: { readonly cityId: string; readonly first: number }): Promise<readonly CitySuggestionResult[]> {
    return similarCities(this.graph, query.cityId, query.first);
  }

  async project(projection: Projection): Promise<ProjectedGraph> {
    return project(this.graph, projection);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
