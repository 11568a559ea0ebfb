/**
 * Internal. Per-request DataLoaders, so that nested fields cost one store call per level of
 * a query, not one per parent: all nodes asked in a tick go to one `getNodes`, and all
 * relations asked in a tick with the same direction and types go to one `getRelations`.
 */
import DataLoader from 'dataloader';
import type { NodeRecord, RelationRecord } from '../domain/graph-document';
import type { Confidence, RelationType } from '../domain/ontology';
import type { Direction, GraphStore, OrganizationReach } from '../store/GraphStore';

export interface RelationKey {
  readonly nodeId: string;
  readonly direction: Direction;
  /** Sorted; empty means every type. */
  readonly types: readonly RelationType[];
  /** Only relations at least this sure; all when absent. */
  readonly minConfidence?: Confidence;
}

export interface Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  readonly relations: DataLoader<RelationKey, readonly RelationRecord[], string>;
  /** Organisation reach (GraphStore.organizationReach), batched per tick. */
  readonly reach: DataLoader<string, OrganizationReach>;
}

/** The part of a key one store call serves: direction, types and confidence. */
function relationGroup(key: RelationKey): string {
  return `${key.direction}|${key.types.join(',')}|${key.minConfidence ?? ''}`;
}

function relationKeyString(key: RelationKey): string {
  return `${relationGroup(key)}|${key.nodeId}`;
}

/**
 * The relations of one store call by the node each touches in `direction`, in the call's
 * order: one pass over them, not a filter per key (a batch of 1,000 keys and their 10,000
 * relations was ten million tests).
 */
function byTouchedNode(relations: readonly RelationRecord[], direction: Direction): Map<string, RelationRecord[]> {
  const byNode = new Map<string, RelationRecord[]>();
  const add = (nodeId: string, relation: RelationRecord): void => {
    const list = byNode.get(nodeId);
    if (list) list.push(relation);
    else byNode.set(nodeId, [relation]);
  };
  for (const relation of relations) {
    if (direction === 'OUT' || direction === 'BOTH') add(relation.from, relation);
    // A relation from a node to itself is listed once for it.
    if (direction === 'IN' || (direction === 'BOTH' && relation.to !== relation.from)) add(relation.to, relation);
  }
  return byNode;
}

async function loadRelations(store: GraphStore, keys: readonly RelationKey[]): Promise<(readonly RelationRecord[])[]> {
  const groups = new Map<string, RelationKey[]>();
  for (const key of keys) {
    const group = relationGroup(key);
    const members = groups.get(group);
    if (members) members.push(key);
    else groups.set(group, [key]);
  }
  const results = new Map<string, readonly RelationRecord[]>();
  await Promise.all(
    [...groups.values()].map(async (members) => {
      const [{ direction, types, minConfidence }] = members as [RelationKey, ...RelationKey[]];
      const relations = await store.getRelations({
        nodeIds: members.map((key) => key.nodeId),
        direction,
        types,
        ...(minConfidence ? { minConfidence } : {}),
      });
      const byNode = byTouchedNode(relations, direction);
      for (const key of members) results.set(relationKeyString(key), byNode.get(key.nodeId) ?? []);
    }),
  );
  return keys.map((key) => results.get(relationKeyString(key)) ?? []);
}

export function createLoaders(store: GraphStore): Loaders {
  return {
    node: new DataLoader<string, NodeRecord | null>(async (ids) => [...(await store.getNodes(ids))], { maxBatchSize: 1000 }),
    relations: new DataLoader<RelationKey, readonly RelationRecord[], string>((keys) => loadRelations(store, keys), {
      cacheKeyFn: relationKeyString,
      maxBatchSize: 1000,
    }),
    reach: new DataLoader<string, OrganizationReach>(async (ids) => [...(await store.organizationReach(ids))], { maxBatchSize: 100 }),
  };
}
