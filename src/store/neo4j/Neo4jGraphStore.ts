/**
 * Internal (built by `createNeo4jStore`). The `GraphStore` port on Neo4j 5: each port
 * operation is one parameterised statement from `cypher.ts` run through the executor;
 * `mergeGraph` and `clear` repeat theirs in batches. Checks of arguments match the memory
 * store's (`page-bounds.ts`, `cursor.ts`), so both adapters refuse the same inputs.
 */
import type { GraphData, NodeRecord, RelationRecord } from '../../domain/graph-document';
import {
  ATTENDING_ROLES,
  DEFAULT_PEER_EVENT_KINDS,
  NODE_LABELS,
  RELATION_TYPES,
  labelOfId,
  projectionEventKinds,
  type NodeLabel,
  type RelationType,
} from '../../domain/ontology';
import { decodeCursor, encodeCursor } from '../cursor';
import {
  InvalidArgumentError,
  NotFoundError,
  StoreUnavailableError,
  type CitySuggestionsResult,
  type CommonPartnerResult,
  type CommonPartnersQuery,
  type FilteredListQuery,
  type GraphCounts,
  type GraphStore,
  type ListNodesQuery,
  type MergeOptions,
  type MergeSummary,
  type NodePage,
  type OrganizationReach,
  type PartnerOverlapResult,
  type PathResult,
  type PeerNetworkQuery,
  type PeerResult,
  type ProjectedGraph,
  type Projection,
  type ProjectionOptions,
  type RelationsQuery,
  type SearchHit,
  type SearchQuery,
  type SharedPartnersQuery,
  type ShortestPathQuery,
  type SubgraphQuery,
  type SubgraphResult,
} from '../GraphStore';
import { checkPageSize, checkSearchText } from '../page-bounds';
import { searchPeers } from '../peer-links';
import { commonPartnersOf } from '../partner-routes';
import { filtersOf, LISTED_LABELS } from '../list-filters';
import { decodeListCursor, pageOf } from '../list-page';
import {
  CLEAR_IN_RELATIONS_BATCH,
  CLEAR_NODES_BATCH,
  CLEAR_OUT_RELATIONS_BATCH,
  PARTNER_ROUTES,
  COUNTS,
  FIND_NODE_LABELS,
  GET_NODES,
  INDEX_STATES,
  REMOVE_RELATION,
  SEARCH,
  SIMILAR_CITIES,
  checkedLabel,
  checkedType,
  confidencesAtLeast,
  countRelations,
  dumpPage,
  findElementId,
  getRelations,
  isLinkedFilterAllowed,
  listLinkedNodes,
  listNodes,
  ORGANIZATION_REACH,
  PEER_STEPS,
  listOrdersOf,
  listWhere,
  project,
  sharedPartners,
  shortestPath,
  SUBGRAPH_NODES,
  SUBGRAPH_START,
  subgraphStep,
  typesToFollow,
  type CypherStatement,
} from './cypher';
import { buildLuceneQueries } from './lucene-query';
import type { Neo4jExecutor } from './Neo4jExecutor';
import { isPlainMap, type PlainRow, type PlainValue } from './neo4j-values';
import { nodeFromProperties } from './node-properties';
import { chunk, idsToLookUp, planMerge } from './plan-merge';
import { relationFromProperties } from './relation-properties';
import { indexStatesFromRows, notOnline } from './schema-state';
import { expandByLevels } from './subgraph-levels';
import {
  compareIds,
  listOf,
  numberOf,
  overlapsFromRows,
  pathFromRow,
  relationFromMap,
  exchangeProjectionFromRows,
  peerStepsFromRows,
  projectionFromRows,
  stringOf,
  reachedFromRows,
  subgraphFromRows,
  suggestionsFromItems,
} from './traversal-results';

export interface Neo4jGraphStoreOptions {
  /** Rows per `UNWIND` batch in `mergeGraph` and nodes per `clear` round trip. */
  readonly batchSize: number;
  /** Releases the driver (called once by `close`). */
  readonly close: () => Promise<void>;
}

/** How many hits each full-text index hands over before labels are filtered and exact matches lifted. */
export const SEARCH_CANDIDATES = 500;

const text = (row: PlainRow, key: string): string => stringOf(row[key], key);

function idOf(properties: PlainValue): string {
  if (!isPlainMap(properties) || typeof properties['id'] !== 'string') throw new TypeError('stored node has no id');
  return properties['id'];
}

const RELATION_ID = new RegExp(`^(.+)-(?:${RELATION_TYPES.join('|')})->(.+)$`, 'u');

/** The start node of a relation id (`relationId`'s inverse), or undefined for a malformed id. */
function startOfRelationId(id: string): string | undefined {
  return RELATION_ID.exec(id)?.[1];
}

/** The most candidates a labelled search asks each index for (500, 2 000, 8 000, 32 000). */
export const MAX_SEARCH_CANDIDATES = 32_000;

function searchHitFrom(value: PlainValue): SearchHit {
  if (!isPlainMap(value)) throw new TypeError('Neo4j search hit is not a map');
  const exact = value['exact'] === true;
  return {
    node: nodeFromProperties(checkedLabel(text(value, 'label')), value['props'] ?? null),
    score: hitScore(numberOf(value['score'], 'score'), exact),
    exact,
  };
}

/** Lucene scores are unbounded: squash them into (0, 1) and put exact matches in (1, 2). */
function hitScore(luceneScore: number, exact: boolean): number {
  const partial = luceneScore > 0 ? luceneScore / (1 + luceneScore) : 0;
  return (exact ? 1 : 0) + partial;
}

export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  /** Projections by `projection:eventKinds`. */
  private readonly projections = new Map<string, Promise<ProjectedGraph>>();

  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly options: Neo4jGraphStoreOptions,
  ) {}

  async mergeGraph(graph: GraphData, options: MergeOptions = {}): Promise<MergeSummary> {
    // Pre-flight: the stored label of every id involved, so a conflicting or dangling graph
    // is refused before any batch is written.
    const stored = new Map<string, NodeLabel>();
    for (const ids of chunk(idsToLookUp(graph), this.options.batchSize)) {
      for (const row of await this.executor.read(FIND_NODE_LABELS, { ids }, 'bulk')) {
        stored.set(text(row, 'id'), checkedLabel(text(row, 'label')));
      }
    }
    const batches = planMerge(graph, stored, this.options.batchSize);
    this.projections.clear();
    const total = batches.reduce((sum, batch) => sum + batch.rows.length, 0);

    let done = 0;
    let nodesCreated = 0;
    let nodesUpdated = 0;
    let relationsCreated = 0;
    let relationsUpdated = 0;
    for (const batch of batches) {
      if (batch.kind === 'nodes') {
        const [row] = await this.executor.write(batch.statement, { rows: batch.rows }, undefined, 'bulk');
        nodesCreated += numberOf(row?.['created'], 'created nodes');
        nodesUpdated += numberOf(row?.['updated'], 'updated nodes');
      } else {
        const [row] = await this.executor.write(
          batch.statement,
          { rows: batch.rows },
          (rows) => {
            // An end deleted since the pre-flight: veto the batch (the transaction rolls back).
            const written = new Set(listOf(rows[0]?.['written'], 'written relations'));
            const missing = batch.rows.filter((each) => !written.has(each.id));
            if (missing.length > 0) {
              throw new NotFoundError(
                `mergeGraph: ${missing.length} relation(s) lost an end while merging, e.g. ${missing[0]?.id}; merge again`,
              );
            }
          },
          'bulk',
        );
        relationsCreated += numberOf(row?.['created'], 'created relations');
        relationsUpdated += numberOf(row?.['updated'], 'updated relations');
      }
      done += batch.rows.length;
      options.onProgress?.({ done, total });
    }
    // A projection built while the batches were written may hold half of them.
    this.projections.clear();
    return { nodesCreated, nodesUpdated, relationsCreated, relationsUpdated };
  }

  async clear(): Promise<number> {
    this.projections.clear();
    // Relations in batches first, so no transaction holds a hub and every relation it has.
    await this.deleteInBatches(CLEAR_OUT_RELATIONS_BATCH);
    await this.deleteInBatches(CLEAR_IN_RELATIONS_BATCH);
    return this.deleteInBatches(CLEAR_NODES_BATCH);
  }

  /** Runs a `$batchSize` delete until a batch deletes fewer; returns how many it deleted. */
  private async deleteInBatches(batch: CypherStatement): Promise<number> {
    let removed = 0;
    let deleted: number;
    do {
      const [row] = await this.executor.write(batch, { batchSize: this.options.batchSize }, undefined, 'bulk');
      deleted = numberOf(row?.['deleted'], `deleted by ${batch.name}`);
      removed += deleted;
    } while (deleted >= this.options.batchSize);
    return removed;
  }

  async removeRelation(id: string): Promise<boolean> {
    const fromId = startOfRelationId(id);
    if (fromId === undefined) return false;
    const [row] = await this.executor.write(REMOVE_RELATION, { fromId, id });
    this.projections.clear();
    return numberOf(row?.['removed'], 'removed relations') > 0;
  }

  /**
   * Label by label, `batchSize` nodes (with the relations they start) per transaction, each
   * under the bulk timeout. Pages are separate transactions: a dump of a graph being written
   * is read-committed page by page, as one long transaction would be in Neo4j anyway.
   */
  async dumpGraph(): Promise<GraphData> {
    const nodes: NodeRecord[] = [];
    const relations: RelationRecord[] = [];
    for (const label of NODE_LABELS) {
      let after = '';
      let size: number;
      do {
        const rows = await this.executor.read(dumpPage(label), { after, limit: this.options.batchSize }, 'bulk');
        for (const row of rows) {
          const node = nodeFromProperties(label, row['props'] ?? null);
          nodes.push(node);
          after = node.id;
          for (const value of listOf(row['rels'], 'rels')) {
            if (isPlainMap(value) && value['relType'] !== null) relations.push(relationFromMap(value));
          }
        }
        size = rows.length;
      } while (size >= this.options.batchSize);
    }
    nodes.sort((a, b) => compareIds(a.id, b.id));
    relations.sort((a, b) => compareIds(a.id, b.id));
    return { nodes, relations };
  }

  async getNodes(ids: readonly string[]): Promise<readonly (NodeRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(GET_NODES, { ids: [...new Set(ids)] });
    const byId = new Map<string, NodeRecord>();
    for (const row of rows) {
      const node = nodeFromProperties(checkedLabel(text(row, 'label')), row['props'] ?? null);
      byId.set(node.id, node);
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  async listNodes(query: ListNodesQuery): Promise<NodePage> {
    const label = checkedLabel(query.label);
    checkPageSize(`list ${label}`, query.first);
    // '' sorts before every id, so the first page needs no special statement.
    const after = query.after ? decodeCursor(query.after) : '';
    const limit = query.first + 1;
    let rows: readonly PlainRow[];
    if (query.linkedTo) {
      const type = checkedType(query.linkedTo.type);
      const anchorLabel = labelOfId(query.linkedTo.id);
      const filter = anchorLabel && { type, direction: query.linkedTo.direction, anchorLabel };
      // An anchor id of no label, or a pairing the ontology forbids, cannot match anything.
      if (!filter || !isLinkedFilterAllowed(label, filter)) return { nodes: [], totalCount: 0, endCursor: null, hasNextPage: false };
      rows = await this.executor.read(listLinkedNodes(label, filter), { anchorId: query.linkedTo.id, after, limit });
    } else {
      rows = await this.executor.read(listNodes(label), { after, limit });
    }
    const [row] = rows;
    const page = [...listOf(row?.['page'], 'page')].sort((a, b) => compareIds(idOf(a), idOf(b)));
    const nodes = page.slice(0, query.first).map((properties) => nodeFromProperties(label, properties));
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount: numberOf(row?.['total'], 'total'),
      endCursor: last === undefined ? null : encodeCursor(last.id),
      hasNextPage: page.length > query.first,
    };
  }

  async getRelations(query: RelationsQuery): Promise<readonly RelationRecord[]> {
    if (query.nodeIds.length === 0) return [];
    const types = typesToFollow(query.types);
    const rows = await this.executor.read(getRelations(query.direction), {
      ids: [...new Set(query.nodeIds)],
      types,
      confidences: confidencesAtLeast(query.minConfidence),
    });
    return rows.map((row) =>
      relationFromProperties(checkedType(text(row, 'relType')), text(row, 'fromId'), text(row, 'toId'), row['props']),
    );
  }

  async search(query: SearchQuery): Promise<readonly SearchHit[]> {
    const searchText = checkSearchText(query.text);
    checkPageSize('search', query.first);
    const labels = [...new Set((query.labels ?? []).map(checkedLabel))];
    const lucene = buildLuceneQueries(searchText);
    if (lucene === undefined) return [];
    // Labels are filtered after each index hands over its best candidates: when that cut
    // may have hidden hits of the asked labels, ask again with more (bounded) candidates.
    for (let candidates = Math.max(SEARCH_CANDIDATES, query.first); ; candidates *= 4) {
      const [row] = await this.executor.read(SEARCH, {
        allTerms: lucene.allTerms,
        anyTerm: lucene.anyTerm,
        candidates,
        labels,
        key: lucene.key,
        first: query.first,
      });
      const hits = listOf(row?.['found'] ?? [], 'found')
        .map(searchHitFrom)
        .sort((a, b) => b.score - a.score || compareIds(a.node.id, b.node.id));
      const enough = labels.length === 0 || hits.length >= query.first || row?.['cut'] !== true;
      if (enough || candidates * 4 > MAX_SEARCH_CANDIDATES) return hits;
    }
  }

  async counts(): Promise<GraphCounts> {
    const [row] = await this.executor.read(COUNTS, {});
    const byLabelRow = row?.['byLabel'];
    const byTypeRow = row?.['byType'];
    if (!isPlainMap(byLabelRow) || !isPlainMap(byTypeRow)) throw new TypeError('Neo4j counts row has no maps');
    const byLabel = Object.fromEntries(NODE_LABELS.map((label) => [label, numberOf(byLabelRow[label] ?? 0, label)])) as Record<
      NodeLabel,
      number
    >;
    const byType = Object.fromEntries(RELATION_TYPES.map((type) => [type, numberOf(byTypeRow[type] ?? 0, type)])) as Record<
      RelationType,
      number
    >;
    const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
    return { nodes: sum(Object.values(byLabel)), relations: sum(Object.values(byType)), byLabel, byType };
  }

  async listNodesWhere(query: FilteredListQuery): Promise<NodePage> {
    const label = checkedLabel(query.label);
    checkPageSize(`list ${label}`, query.first);
    const listed = LISTED_LABELS.find((each) => each === label);
    const order = query.orderBy ?? 'ID';
    if (listed === undefined || !listOrdersOf(listed).includes(order)) {
      throw new InvalidArgumentError(`list ${label}: no order ${order}; use one of ${listed ? listOrdersOf(listed).join(', ') : 'ID'}`);
    }
    const after = query.after ? decodeListCursor(order, query.after) : undefined;
    const filters = Object.fromEntries(filtersOf(listed).map(({ name }) => [name, query.filters?.[name] ?? null]));
    const statementFor = listWhere(listed, order);
    const parameters: Record<string, unknown> = {
      ...filters,
      afterId: after?.id ?? null,
      limit: query.first + 1,
      ...(listed === 'Person' ? {} : { kind: query.kind ?? null }),
      ...(listed === 'Event' ? { from: query.from ?? null, to: query.to ?? null } : {}),
      ...(order === 'ID' ? {} : { afterKey: after?.key ?? null }),
    };
    const unknownFilter = Object.keys(query.filters ?? {}).find((name) => !(name in filters));
    if (unknownFilter !== undefined) throw new InvalidArgumentError(`list ${label}: no filter ${unknownFilter}`);
    const [row] = await this.executor.read(statementFor, parameters);
    const entries = listOf(row?.['page'], 'page').map((value) => {
      if (!isPlainMap(value)) throw new TypeError('Neo4j list row has no map');
      const key = value['key'];
      const node = nodeFromProperties(label, value['props'] ?? null);
      return { node, id: node.id, key: typeof key === 'number' || typeof key === 'string' ? key : '' };
    });
    const page = pageOf(order, entries, query.first, undefined, (entry) => entry.node);
    return { ...page, totalCount: numberOf(row?.['total'], 'total') };
  }

  async organizationReach(ids: readonly string[]): Promise<readonly OrganizationReach[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(ORGANIZATION_REACH, { ids: [...new Set(ids)] });
    const byId = new Map(
      rows.map((row) => {
        const id = text(row, 'id');
        return [
          id,
          {
            id,
            programmeCount: numberOf(row['programmeCount'], 'programmeCount'),
            cityCount: numberOf(row['cityCount'], 'cityCount'),
            countryCount: numberOf(row['countryCount'], 'countryCount'),
          },
        ];
      }),
    );
    return ids.map((id) => byId.get(id) ?? { id, programmeCount: 0, cityCount: 0, countryCount: 0 });
  }

  async countRelations(query: RelationsQuery): Promise<number> {
    if (query.nodeIds.length === 0) return 0;
    const types = typesToFollow(query.types);
    const [row] = await this.executor.read(countRelations(query.direction), {
      ids: [...new Set(query.nodeIds)],
      types,
      confidences: confidencesAtLeast(query.minConfidence),
    });
    return numberOf(row?.['total'], 'total');
  }

  async peerNetwork(query: PeerNetworkQuery): Promise<readonly PeerResult[]> {
    if (query.maxHops < 1) return [];
    const eventKinds = [...new Set(query.eventKinds)];
    // Breadth first in TypeScript, one statement per hop (store/peer-links.ts, shared with the memory store).
    return searchPeers(query, async (frontier) =>
      peerStepsFromRows(await this.executor.read(PEER_STEPS, { frontier, eventKinds, attendingRoles: ATTENDING_ROLES })),
    );
  }

  async shortestPath(query: ShortestPathQuery): Promise<PathResult | null> {
    if (query.fromId === query.toId) {
      const [node] = await this.getNodes([query.fromId]);
      return node ? { nodeIds: [node.id], relations: [] } : null;
    }
    if (query.maxHops < 1) return null;
    const types = typesToFollow(query.types);
    // Each end under the one label its id names: two unique-index seeks, in parallel.
    const [fromElementId, toElementId] = await Promise.all([this.elementIdOf(query.fromId), this.elementIdOf(query.toId)]);
    if (fromElementId === undefined || toElementId === undefined) return null;
    const [row] = await this.executor.read(shortestPath(query.maxHops), { fromElementId, toElementId, types });
    const path = pathFromRow(row);
    // Element ids may be reused once a node is deleted: a path between other nodes is no answer.
    if (path && (path.nodeIds[0] !== query.fromId || path.nodeIds[path.nodeIds.length - 1] !== query.toId)) return null;
    return path;
  }

  /** The element id of the node with this id, or undefined when there is none (or the id names no label). */
  private async elementIdOf(id: string): Promise<string | undefined> {
    const label = labelOfId(id);
    if (label === undefined) return undefined;
    const [row] = await this.executor.read(findElementId(label), { id });
    return row === undefined ? undefined : text(row, 'elementId');
  }

  async sharedPartners(query: SharedPartnersQuery): Promise<readonly PartnerOverlapResult[]> {
    if (query.first < 1) return [];
    const minShared = Math.max(1, Math.ceil(query.minShared));
    const rows = query.programmeIds
      ? await this.executor.read(sharedPartners('ids'), { programmeIds: [...new Set(query.programmeIds)], minShared, first: query.first })
      : await this.executor.read(sharedPartners('all'), { minShared, first: query.first });
    return overlapsFromRows(rows);
  }

  async commonPartners(query: CommonPartnersQuery): Promise<readonly CommonPartnerResult[]> {
    const ids = [...new Set(query.ids)];
    if (ids.length === 0) return [];
    const rows = await this.executor.read(PARTNER_ROUTES, {
      ids,
      excludeIds: [...(query.excludeIds ?? [])],
      attendingRoles: ATTENDING_ROLES,
    });
    const found = rows.map((row) => {
      const viaId = row['viaId'];
      const role = row['role'];
      return {
        partnerId: text(row, 'partnerId'),
        route: {
          fromId: text(row, 'fromId'),
          viaId: typeof viaId === 'string' ? viaId : null,
          type: checkedType(text(row, 'relType')),
          role: typeof role === 'string' ? role : null,
        },
      };
    });
    return commonPartnersOf({ ...query, ids }, found);
  }

  async subgraph(query: SubgraphQuery): Promise<SubgraphResult> {
    const ids = [...new Set(query.ids)];
    if (ids.length === 0 || query.limit < 1) return { nodes: [], relations: [], truncated: false };
    const types = typesToFollow(query.types);
    const confidences = confidencesAtLeast(query.minConfidence);
    return this.executor.readTransaction('subgraph', async (run) => {
      const kept = await expandByLevels(query, {
        start: async () => reachedFromRows(await run(SUBGRAPH_START, { ids })),
        step: async (frontier, visited, room) =>
          reachedFromRows(await run(subgraphStep(query.direction), { frontier, types, confidences, visited, room })),
      });
      if (kept.nodes.length === 0) return { nodes: [], relations: [], truncated: false };
      const rows = await run(SUBGRAPH_NODES, { kept: kept.nodes.map((node) => node.elementId), types, confidences });
      return subgraphFromRows(rows, new Map(kept.nodes.map((node) => [node.id, node.depth])), kept.truncated);
    });
  }

  async similarCities(query: { readonly cityId: string; readonly first: number }): Promise<CitySuggestionsResult | null> {
    // Peers already linked (ontology.ts peer link, default kinds) are not suggested.
    const steps = peerStepsFromRows(
      await this.executor.read(PEER_STEPS, {
        frontier: [query.cityId],
        eventKinds: [...DEFAULT_PEER_EVENT_KINDS],
        attendingRoles: ATTENDING_ROLES,
      }),
    );
    // Starts from the city's own items (not every city's profile); the number of cities comes
    // from the count store, so there is nothing to cache here (the API caches the answer per
    // graph generation, api/analytics.ts).
    const [row] = await this.executor.read(SIMILAR_CITIES, { cityId: query.cityId, attendingRoles: ATTENDING_ROLES });
    return suggestionsFromItems(row, query.cityId, query.first, new Set(steps.map((step) => step.toId)));
  }

  /**
   * Cached per projection (and EXCHANGE's event kinds) until this store writes (merge, clear,
   * removeRelation): analytics ask for the same projection again and again, and building one
   * reads every relation. It runs under the bulk timeout, so a first build that outlasts a
   * request still fills the cache. A write by another process is not seen until this one
   * writes or restarts.
   */
  project(projection: Projection, options: ProjectionOptions = {}): Promise<ProjectedGraph> {
    const eventKinds = projectionEventKinds(projection, options.eventKinds);
    const key = `${projection}:${eventKinds.join(',')}`;
    let cached = this.projections.get(key);
    if (cached === undefined) {
      cached =
        projection === 'EXCHANGE'
          ? this.executor
              .read(project(projection), { eventKinds, attendingRoles: ATTENDING_ROLES }, 'bulk')
              .then(exchangeProjectionFromRows)
          : this.executor.read(project(projection), {}, 'bulk').then(projectionFromRows);
      const built = cached;
      // A failed build is not cached: the next call tries again.
      built.catch(() => {
        if (this.projections.get(key) === built) this.projections.delete(key);
      });
      this.projections.set(key, built);
    }
    return cached;
  }

  /** Answers only when Neo4j does and every index the adapter needs is ONLINE (readiness). */
  async ping(): Promise<void> {
    const problems = notOnline(indexStatesFromRows(await this.executor.read(INDEX_STATES, {})));
    if (problems.length > 0) throw new StoreUnavailableError(`Neo4j is not ready: ${problems.join('; ')}`);
  }

  async close(): Promise<void> {
    await this.options.close();
  }
}
