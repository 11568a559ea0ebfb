/**
 * Internal. The fields every node type shares (the `Node` interface), written once.
 */
import type { NodeRecord } from '../../domain/graph-document';
import { checkFirst } from '../arguments';
import type { RelationPageRequest } from '../relation-page';
import { nodeTypeOf } from '../enums';
import type { Confidence, Direction as GraphQLDirection, RelationType } from '../resolvers-types.generated';

interface RelationsArgs {
  direction?: GraphQLDirection | null;
  types?: RelationType[] | null;
  minConfidence?: Confidence | null;
  first?: number | null;
  after?: string | null;
}

export const nodeCommonResolvers = {
  type: (node: NodeRecord) => nodeTypeOf(node.label),
  aliases: (node: NodeRecord) => node.aliases ?? [],
  note: (node: NodeRecord) => node.note ?? null,
  relations: (node: NodeRecord, args: RelationsArgs): RelationPageRequest => ({
    nodeId: node.id,
    direction: args.direction ?? 'BOTH',
    types: [...(args.types ?? [])].sort(),
    ...(args.minConfidence ? { minConfidence: args.minConfidence } : {}),
    first: checkFirst(args.first, 20),
    after: args.after ?? null,
  }),
};
