/**
 * Internal. Resolvers of RelationConnection (mapped to a RelationPageRequest).
 */
import { sliceConnection } from '../connections';
import type { ApiContext } from '../context';
import type { RelationPageRequest } from '../relation-page';
import type { RelationConnectionResolvers } from '../resolvers-types.generated';
import { relationsOf } from './traverse';

async function page(request: RelationPageRequest, context: ApiContext) {
  const relations = await relationsOf(context, request.nodeId, request.direction, request.types, request.minConfidence);
  return sliceConnection(relations, (relation) => relation.id, request.first, request.after);
}

export const RelationConnection: RelationConnectionResolvers = {
  totalCount: (request, _args, context) =>
    context.store.countRelations({
      nodeIds: [request.nodeId],
      direction: request.direction,
      types: request.types,
      ...(request.minConfidence ? { minConfidence: request.minConfidence } : {}),
    }),
  edges: async (request, _args, context) => (await page(request, context)).edges,
  pageInfo: async (request, _args, context) => (await page(request, context)).pageInfo,
};
