/**
 * Internal. What planning and validating a change read of the graph: nodes by id and one
 * relation by its key. `storeView` reads a store; `GraphOverlay` layers changes not yet
 * written over another view, so a replay can plan every journalled change against the graph
 * as it would be, and write them all to the store in one merge at the end.
 */
import { relationId, type NodeRecord, type RelationKey, type RelationRecord } from '../domain/graph-document';
import type { GraphStore } from '../store/GraphStore';

export interface GraphView {
  /** The nodes with these ids, in the same order; null where there is none. */
  getNodes(ids: readonly string[]): Promise<readonly (NodeRecord | null)[]>;
  getRelation(key: RelationKey): Promise<RelationRecord | null>;
}

export function storeView(store: GraphStore): GraphView {
  return {
    getNodes: (ids) => store.getNodes(ids),
    getRelation: async (key) => {
      const id = relationId(key);
      const relations = await store.getRelations({ nodeIds: [key.from], direction: 'OUT', types: [key.type] });
      return relations.find((relation) => relation.id === id) ?? null;
    },
  };
}

/** What an overlay changed: the latest version of each entity, and the relations removed. */
export interface OverlayChanges {
  readonly nodes: readonly NodeRecord[];
  readonly relations: readonly RelationRecord[];
  readonly removedRelations: readonly string[];
}

export class GraphOverlay implements GraphView {
  private readonly nodes = new Map<string, NodeRecord>();
  /** null: removed. */
  private readonly relations = new Map<string, RelationRecord | null>();

  constructor(private readonly base: GraphView) {}

  async getNodes(ids: readonly string[]): Promise<readonly (NodeRecord | null)[]> {
    const unknown = ids.filter((id) => !this.nodes.has(id));
    const fetched = new Map<string, NodeRecord | null>();
    if (unknown.length > 0) {
      const nodes = await this.base.getNodes(unknown);
      unknown.forEach((id, i) => fetched.set(id, nodes[i] ?? null));
    }
    return ids.map((id) => this.nodes.get(id) ?? fetched.get(id) ?? null);
  }

  async getRelation(key: RelationKey): Promise<RelationRecord | null> {
    const known = this.relations.get(relationId(key));
    return known === undefined ? this.base.getRelation(key) : known;
  }

  putNode(node: NodeRecord): void {
    this.nodes.set(node.id, node);
  }

  putRelation(relation: RelationRecord): void {
    this.relations.set(relation.id, relation);
  }

  removeRelation(id: string): void {
    this.relations.set(id, null);
  }

  changes(): OverlayChanges {
    const relations: RelationRecord[] = [];
    const removedRelations: string[] = [];
    for (const [id, relation] of this.relations) {
      if (relation) relations.push(relation);
      else removedRelations.push(id);
    }
    return { nodes: [...this.nodes.values()], relations, removedRelations };
  }
}
