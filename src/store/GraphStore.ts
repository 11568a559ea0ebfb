/**
 * Public. The one port the API talks to. Holds only interfaces, result types and store
 * error classes: `memory/` and `neo4j/` implement it and never import from each other.
 * Every behaviour here is pinned by the contract suite in `test/contract/`.
 */
import type { GraphData, NodeRecord, RelationRecord } from '../domain/graph-document';
import type { NodeLabel, RelationType } from '../domain/ontology';

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** A cursor page of nodes, ordered by id. */
export interface NodePage {
  readonly nodes: readonly NodeRecord[];
  /** How many nodes match in all, however many this page holds. */
  readonly totalCount: number;
  /** Opaque cursor of the last node on this page; pass it as `after` for the next page. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
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

export interface RelationsQuery {
  /** The nodes whose relations are wanted (batched: one call serves many parents). */
  readonly nodeIds: readonly string[];
  readonly direction: Direction;
  /** Only these types; all types when absent or empty. */
  readonly types?: readonly RelationType[];
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

export interface GraphStore {
  /** Which adapter this is, for logs and health. */
  readonly kind: 'memory' | 'neo4j';

  /** Creates or updates every node and relation of `graph` (by id); never deletes. */
  mergeGraph(graph: GraphData, options?: MergeOptions): Promise<MergeSummary>;

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
