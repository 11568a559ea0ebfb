/**
 * Internal. The fields every node type shares (the `Node` interface), written once.
 */
import type { NodeRecord } from '../../domain/graph-document';
import { checkFirst } from '../arguments';
import { sliceConnection } from '../connections';
import type { ApiContext } from '../context';
import { nodeTypeOf } from '../enums';
import type { Direction as GraphQLDirection, RelationType } from '../resolvers-types.generated';
import { relationsOf } from './traverse';

interface RelationsArgs {
  direction?: GraphQLDirection | null;
  types?: RelationType[] | null;
  first?: number | null;
  after?: string | null;
}

export const nodeCommonResolvers = {
  type: (node: NodeRecord) => nodeTypeOf(node.label),
  aliases: (node: NodeRecord) => node.aliases ?? [],
  note: (node: NodeRecord) => node.note ?? null,
  relations: async (node: NodeRecord, args: RelationsArgs, context: ApiContext) => {
    const first = checkFirst(args.first, 20);
    const relations = await relationsOf(context, node.id, args.direction ?? 'BOTH', args.types ?? []);
    return sliceConnection(relations, (relation) => relation.id, first, args.after);
  },
};
