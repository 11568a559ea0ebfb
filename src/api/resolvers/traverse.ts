/**
 * Internal. Field helpers shared by the node types: relations of one type and direction
 * through the per-request loaders, and the nodes at their other end narrowed to a label.
 */
import type { NodeOf, NodeRecord, RelationRecord } from '../../domain/graph-document';
import type { Confidence, NodeLabel, RelationType } from '../../domain/ontology';
import type { Direction } from '../../store/GraphStore';
import type { ApiContext } from '../context';

export async function relationsOf(
  context: ApiContext,
  nodeId: string,
  direction: Direction,
  types: readonly RelationType[] = [],
  minConfidence?: Confidence,
): Promise<RelationRecord[]> {
  const relations = await context.loaders.relations.load({
    nodeId,
    direction,
    types: [...types].sort(),
    ...(minConfidence ? { minConfidence } : {}),
  });
  return [...relations];
}

export async function nodeById(context: ApiContext, id: string): Promise<NodeRecord | null> {
  return context.loaders.node.load(id);
}

function hasLabel<L extends NodeLabel>(label: L) {
  return (node: NodeRecord | null): node is NodeOf<L> => node !== null && node.label === label;
}

/** Nodes at the other end of `nodeId`'s relations of `type`, keeping those of `label`. */
export async function linkedNodes<L extends NodeLabel>(
  context: ApiContext,
  nodeId: string,
  type: RelationType,
  direction: Exclude<Direction, 'BOTH'>,
  label: L,
): Promise<NodeOf<L>[]> {
  const relations = await relationsOf(context, nodeId, direction, [type]);
  const ends = relations.map((relation) => (direction === 'OUT' ? relation.to : relation.from));
  const nodes = await context.loaders.node.loadMany(ends);
  return nodes.filter((node): node is NodeRecord | null => !(node instanceof Error)).filter(hasLabel(label));
}

/** The first such node, or null. */
export async function linkedNode<L extends NodeLabel>(
  context: ApiContext,
  nodeId: string,
  type: RelationType,
  direction: Exclude<Direction, 'BOTH'>,
  label: L,
): Promise<NodeOf<L> | null> {
  return (await linkedNodes(context, nodeId, type, direction, label))[0] ?? null;
}

/** The nodes with these ids that exist and carry one of `labels`, in the order given. */
export async function nodesWithLabels<L extends NodeLabel>(
  context: ApiContext,
  ids: readonly string[],
  labels: readonly L[],
): Promise<NodeOf<L>[]> {
  const nodes = await context.loaders.node.loadMany(ids);
  return nodes.filter(
    (node): node is NodeOf<L> => !(node instanceof Error) && node !== null && (labels as readonly NodeLabel[]).includes(node.label),
  );
}

/** The node at the other end of the first relation of `type`, if it has one of `labels`. */
export async function linkedNodeOf<L extends NodeLabel>(
  context: ApiContext,
  nodeId: string,
  type: RelationType,
  direction: Exclude<Direction, 'BOTH'>,
  labels: readonly L[],
): Promise<NodeOf<L> | null> {
  const relations = await relationsOf(context, nodeId, direction, [type]);
  const ends = relations.map((relation) => (direction === 'OUT' ? relation.to : relation.from));
  return (await nodesWithLabels(context, ends, labels))[0] ?? null;
}

/** All nodes at the other end of `type` relations that have one of `labels`. */
export async function linkedNodesOf<L extends NodeLabel>(
  context: ApiContext,
  nodeId: string,
  type: RelationType,
  direction: Exclude<Direction, 'BOTH'>,
  labels: readonly L[],
): Promise<NodeOf<L>[]> {
  const relations = await relationsOf(context, nodeId, direction, [type]);
  return nodesWithLabels(
    context,
    relations.map((relation) => (direction === 'OUT' ? relation.to : relation.from)),
    labels,
  );
}
