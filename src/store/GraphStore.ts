/**
 * Public. The one port the API talks to. Holds only interfaces, result types and store
 * error classes: `memory/` and `neo4j/` implement it and never import from each other.
 * Every behaviour here is pinned by the contract suite in `test/contract/`.
 */
import type { GraphData, NodeRecord, RelationRecord } from '../domain/graph-document';
import type { Confidence, EventKind, NodeLabel, Projection, RelationType } from '../domain/ontology';
import type { ListedLabel, ListOrder } from './list-filters';

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** A cursor page of nodes, ordered by id. */
export interface NodePage {
  readonly nodes: readonly NodeRecord[];
  /** How many nodes match in all, however many this page holds. */
  readonly totalCount: number;
  /** Opaque cursor of the last node on this page; pass it as `after` for the next page. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
  /** The cursor of each node (filtered lists; id cursors otherwise). */
  readonly cursors?: readonly string[];
}

export interface ListNodesQuery {
  readonly label: NodeLabel;
  /** Page size, 1 … MAX_PAGE_SIZE. */
  readonly first: number;
  readonly after?: string | null;
  /** Keep only nodes with a relation of this type to (or from) this node. */
  readonly linkedTo?: {
    readonly type: RelationType;
    readonly direction: Exclude<Direction, 'BOTH'>;
    readonly id: string;
  };
}

/** A filtered, ordered page of organisations, programmes, events or people (list-filters.ts). */
export interface FilteredListQuery {
  readonly label: ListedLabel;
  /** Page size, 1 … MAX_PAGE_SIZE. */
  readonly first: number;
  /** A cursor this query (same filters and order) issued. */
  readonly after?: string | null;
  /** The ontology's `kind` value (organisations, programmes, events). */
  readonly kind?: string;
  /** Filter name (LIST_FILTERS of the label) → anchor id; every one must hold. */
  readonly filters?: Readonly<Record<string, string>>;
  /** Events only: keep events whose startDate (a year, month or day) overlaps [from, to]. */
  readonly from?: string;
  readonly to?: string;
  /** ID (default), NAME (then id), or, for organisations, reach counts highest first (then id). */
  readonly orderBy?: ListOrder;
}

export interface OrganizationReach {
  readonly id: string;
  readonly programmeCount: number;
  readonly cityCount: number;
  readonly countryCount: number;
}

export interface RelationsQuery {
  /** The nodes whose relations are wanted (batched: one call serves many parents). */
  readonly nodeIds: readonly string[];
  readonly direction: Direction;
  /** Only these types; all types when absent or empty. */
  readonly types?: readonly RelationType[];
  /**
   * Only relations at least this sure (STATED > INFERRED > DOUBTFUL; `meetsConfidence`);
   * all when absent. A relation stored without a confidence counts as STATED.
   */
  readonly minConfidence?: Confidence;
}

export interface SearchQuery {
  readonly text: string;
  readonly labels?: readonly NodeLabel[];
  readonly first: number;
}

export interface SearchHit {
  readonly node: NodeRecord;
  /** Higher is better; exact name matches score above every partial match. */
  readonly score: number;
  /** Whether the folded query equals the folded name, Arabic name or an alias. */
  readonly exact: boolean;
}

export interface GraphCounts {
  readonly nodes: number;
  readonly relations: number;
  readonly byLabel: Readonly<Record<NodeLabel, number>>;
  readonly byType: Readonly<Record<RelationType, number>>;
}

/** What a merge changed: a second merge of the same graph reports zero created and updated. */
export interface MergeSummary {
  readonly nodesCreated: number;
  readonly nodesUpdated: number;
  readonly relationsCreated: number;
  readonly relationsUpdated: number;
}

export interface MergeOptions {
  /** Called after each batch is written, with how many entities of the graph are done. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

export interface PeerNetworkQuery {
  readonly cityId: string;
  /** 1 … MAX_HOPS. */
  readonly maxHops: number;
  /** Event kinds whose co-attendance makes peers (ontology.ts, "one definition of a peer link"). */
  readonly eventKinds: readonly EventKind[];
}

export interface PeerResult {
  /** A City, or a Country that took part as a group. */
  readonly id: string;
  readonly hops: number;
  /** Events attended with a peer one hop closer (or with the city itself at hop 1), sorted. */
  readonly via: readonly string[];
  /**
   * People through whom either side attended those events (roll-up: a person who LEADS or
   * WORKS_FOR the city), sorted; empty when only the places themselves attended.
   */
  readonly through: readonly string[];
  /** Whether a LEARNED_FROM relation (either way) joins it to a peer one hop closer. */
  readonly learnedFrom: boolean;
}

export interface ShortestPathQuery {
  readonly fromId: string;
  readonly toId: string;
  /** 0 … MAX_HOPS. */
  readonly maxHops: number;
  /** Only these relation types; all when absent or empty. Direction is ignored. */
  readonly types?: readonly RelationType[];
}

export interface PathResult {
  /** From `fromId` to `toId`; one more than `relations`. */
  readonly nodeIds: readonly string[];
  readonly relations: readonly RelationRecord[];
}

export interface SharedPartnersQuery {
  /** Only pairs among these programmes; every programme when absent. */
  readonly programmeIds?: readonly string[];
  readonly minShared: number;
  readonly first: number;
}

export interface PartnerOverlapResult {
  /** The pair, `a` < `b` by id. */
  readonly a: string;
  readonly b: string;
  /** Shared partner organisations, sorted. */
  readonly partnerIds: readonly string[];
  /** |shared| ÷ |partners of a ∪ partners of b|. */
  readonly jaccard: number;
  /**
   * Σ over shared partners of ln(1 + P ÷ programmes it partners), P = programmes with any
   * partner (store/similarity.ts), rounded to 6 places: a hub partnering most programmes adds little.
   */
  readonly score: number;
  /** Per shared partner (same order as partnerIds): its weight and how many programmes it partners. */
  readonly weights: readonly { readonly partnerId: string; readonly weight: number; readonly holders: number }[];
}

export interface CommonPartnersQuery {
  /** Cities and programmes; an organisation must reach every one. */
  readonly ids: readonly string[];
  /** Organisations to leave out (hub networks, on request). */
  readonly excludeIds?: readonly string[];
}

/** How an organisation reaches one asked node (ontology.ts, partner routes). */
export interface PartnerRoute {
  /** The asked city or programme. */
  readonly fromId: string;
  /** The programme or event in between; null for a direct relation. */
  readonly viaId: string | null;
  /** The organisation's relation (to the asked node, or to `viaId`). */
  readonly type: RelationType;
  readonly role: string | null;
}

export interface CommonPartnerResult {
  readonly partnerId: string;
  /** Every route, by (fromId, viaId, type, role). */
  readonly routes: readonly PartnerRoute[];
}

export interface SubgraphQuery {
  readonly ids: readonly string[];
  /** 0 … MAX_HOPS. */
  readonly depth: number;
  readonly types?: readonly RelationType[];
  readonly direction: Direction;
  /** Most nodes returned, 1 … MAX_SUBGRAPH_LIMIT. */
  readonly limit: number;
  /** Follow and return only relations at least this sure (as in RelationsQuery); all when absent. */
  readonly minConfidence?: Confidence;
}

/**
 * A node of a subgraph: what a drawing of it needs. A subgraph answers up to
 * MAX_SUBGRAPH_LIMIT nodes and more relations; their whole records (every property, every
 * source quote) are for `getNodes` and `getRelations` to give.
 */
export interface SubgraphNode {
  readonly id: string;
  readonly label: NodeLabel;
  readonly name: string;
  readonly nameAr: string;
  /** Hops from the nearest requested node. */
  readonly depth: number;
}

/** A relation of a subgraph: what a drawing of it needs (see SubgraphNode). */
export interface SubgraphRelation {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly confidence: Confidence;
}

export interface SubgraphResult {
  /** Nodes by (depth, id); the requested nodes first at depth 0. */
  readonly nodes: readonly SubgraphNode[];
  /** Relations among the returned nodes of the asked types, by id. */
  readonly relations: readonly SubgraphRelation[];
  readonly truncated: boolean;
}

/**
 * Why a city is suggested: a PARTNER organisation (directly, or of its programmes or attended
 * events), a network both are members of (MEMBERSHIP: a MEMBER_OF relation, or any link to a
 * network organisation), an EVENT both attended (roll-up as for peers), a COMMITMENT both
 * illustrate, a declaration both endorsed (ENDORSEMENT, by forCity), the same COUNTRY, or a
 * PROGRAMME_KIND both run.
 */
export type SharedReason = 'PARTNER' | 'MEMBERSHIP' | 'EVENT' | 'COMMITMENT' | 'ENDORSEMENT' | 'COUNTRY' | 'PROGRAMME_KIND';

export interface CitySuggestionResult {
  readonly cityId: string;
  /** The sum of the shared items' weights (store/similarity.ts), rounded to 3 places. */
  readonly score: number;
  /** What the two cities share: a node id, or a programme kind for PROGRAMME_KIND; with how many cities hold it and its weight. */
  readonly shared: readonly { readonly reason: SharedReason; readonly value: string; readonly holders: number; readonly weight: number }[];
}

/**
 * Why a city gets no suggestion: it holds no item at all (NO_SIGNALS), no other city holds
 * any of its items (NOTHING_SHARED), or every city sharing one is already linked with it
 * (ALL_CANDIDATES_EXCLUDED: a peer, a co-runner of a programme, a part or whole).
 */
export type SuggestionsEmptyReason = 'NO_SIGNALS' | 'NOTHING_SHARED' | 'ALL_CANDIDATES_EXCLUDED';

/** A city's suggested peers, with what was weighed to find them. */
export interface CitySuggestionsResult {
  /** Best first then by id, at most `first`. */
  readonly suggestions: readonly CitySuggestionResult[];
  /** Items the city holds, every reason counted (its profile). */
  readonly itemCount: number;
  /** Other cities holding at least one of those items. */
  readonly candidateCount: number;
  /** Of the candidates, those never suggested because already linked with the city. */
  readonly excludedCount: number;
  /** Null when there are suggestions. */
  readonly emptyReason: SuggestionsEmptyReason | null;
}

/** Defined with the peer link in the ontology; re-exported for the store's callers. */
export type { Projection };

export interface ProjectionOptions {
  /** EXCHANGE only: the event kinds whose co-attendance links peers. */
  readonly eventKinds?: readonly EventKind[];
}

/** An undirected weighted projection of the graph, for analytics in the service. */
export interface ProjectedGraph {
  readonly nodes: readonly { readonly id: string; readonly label: NodeLabel }[];
  /**
   * Each pair once, `source` < `target`; weight = how many facts link them (EXCHANGE: events
   * both attended plus LEARNED_FROM relations between them).
   */
  readonly edges: readonly { readonly source: string; readonly target: string; readonly weight: number }[];
}

/** Longest traversal any query may ask for. */
export const MAX_HOPS = 6;
/** How many equally short paths the Neo4j store ranks by the tie rule of `shortestPath`. */
export const SHORTEST_PATH_TIE_CAP = 64;
/** Largest subgraph any query may ask for. */
export const MAX_SUBGRAPH_LIMIT = 1000;

export interface GraphStore {
  /** Which adapter this is, for logs and health. */
  readonly kind: 'memory' | 'neo4j';

  /** Creates or updates every node and relation of `graph` (by id); never deletes. */
  mergeGraph(graph: GraphData, options?: MergeOptions): Promise<MergeSummary>;

  /**
   * Optional. Hears, before a `mergeGraph` (while the caller still validates the rest), the
   * nodes it will very likely bring, in their order, so that the store may start work on them
   * (the memory store starts a first name index in a worker). Work the merge does not match
   * is dropped; the answer drops it too (the merge is not coming). The records are not to
   * change before the merge.
   */
  prepareMerge?(nodes: readonly NodeRecord[]): () => void;

  /**
   * Removes every node and relation of this graph's labels (and nothing else the database
   * may hold). Returns how many nodes were removed.
   */
  clear(): Promise<number>;

  /**
   * Removes one relation by id (curation). Returns whether it existed. Nodes are never
   * removed one by one: a node is only ever corrected.
   */
  removeRelation(id: string): Promise<boolean>;

  /** Every node and relation, ordered by id (exports and backups). */
  dumpGraph(): Promise<GraphData>;

  /** The nodes with these ids, in the same order; `null` where there is none. */
  getNodes(ids: readonly string[]): Promise<readonly (NodeRecord | null)[]>;

  /** A page of the nodes of one label, ordered by id. */
  listNodes(query: ListNodesQuery): Promise<NodePage>;

  /**
   * Relations touching the given nodes, ordered by (type, from, to). With `BOTH`, a
   * relation between two of the given nodes appears once.
   */
  getRelations(query: RelationsQuery): Promise<readonly RelationRecord[]>;

  /** Full-text search over names, Arabic names and aliases; best first. */
  search(query: SearchQuery): Promise<readonly SearchHit[]>;

  counts(): Promise<GraphCounts>;

  /** A filtered, ordered page of one listed label (organisations, programmes, events, people). */
  listNodesWhere(query: FilteredListQuery): Promise<NodePage>;

  /** The reach of organisations (list-filters.ts REACH), in the order of the ids; zeros for unknown ids. */
  organizationReach(ids: readonly string[]): Promise<readonly OrganizationReach[]>;

  /** How many relations `getRelations` would return, without loading them. */
  countRelations(query: RelationsQuery): Promise<number>;

  // --- traversal (arguments are checked by the caller; unknown ids give empty answers) ---

  /** Peers reachable through peer links (ontology.ts) over events of the given kinds, by hops then id. */
  peerNetwork(query: PeerNetworkQuery): Promise<readonly PeerResult[]>;

  /**
   * One shortest undirected path, or null when none within the bound. Tie rule, shared by
   * both stores: among equally short paths, the one whose relation ids, read from `fromId`
   * to `toId`, sort first element by element (string order of the ids). The memory store
   * applies it exactly; Neo4j applies it among the first `SHORTEST_PATH_TIE_CAP` equally
   * short paths its search finds, so beyond that many ties its pick may differ (still a
   * shortest path; ranking every tie would enumerate paths exponential in the hops).
   */
  shortestPath(query: ShortestPathQuery): Promise<PathResult | null>;

  /** Programme pairs sharing partner organisations, by rarity-weighted score, then Jaccard, shared count, ids. */
  sharedPartners(query: SharedPartnersQuery): Promise<readonly PartnerOverlapResult[]>;

  /**
   * Organisations that reach every one of the given cities and programmes by a partner route
   * (ontology.ts: directly, or for a city through its programmes and attended events), less
   * `excludeIds`, sorted by id, each with its routes.
   */
  commonPartners(query: CommonPartnersQuery): Promise<readonly CommonPartnerResult[]>;

  /** The neighbourhood of some nodes, breadth first, cut at `limit` nodes: what a drawing needs of each. */
  subgraph(query: SubgraphQuery): Promise<SubgraphResult>;

  /**
   * Cities the given city is not yet linked with (no peer link of the default kinds, no
   * programme both run, not a part or whole of it), ranked by the rarity-weighted items
   * they share (store/similarity.ts), best first then by id; with the counts behind them and
   * why there are none. Null when `cityId` is no city of the graph.
   */
  similarCities(query: { readonly cityId: string; readonly first: number }): Promise<CitySuggestionsResult | null>;

  /**
   * An undirected projection of the graph for centrality and communities. EXCHANGE links
   * peers as `peerNetwork` does, for `eventKinds` (default DEFAULT_PEER_EVENT_KINDS).
   */
  project(projection: Projection, options?: ProjectionOptions): Promise<ProjectedGraph>;

  /** Whether the store answers at all (for readiness). */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/** Largest page any list operation returns. */
export const MAX_PAGE_SIZE = 100;

/** Base of every error a store raises on purpose; anything else is a bug or an outage. */
export class GraphStoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A required entity does not exist. */
export class NotFoundError extends GraphStoreError {}

/** An argument is out of bounds or malformed (bad cursor, page too large, …). */
export class InvalidArgumentError extends GraphStoreError {}

/** A write would contradict what the store holds (e.g. a node changing label). */
export class ConflictError extends GraphStoreError {}

/** The store did not answer in time. */
export class StoreTimeoutError extends GraphStoreError {}

/**
 * The store cannot serve now: it is unreachable, its session expired (a cluster member went
 * away), or it is not ready (an index it needs is still being built). Worth retrying later.
 */
export class StoreUnavailableError extends GraphStoreError {}
