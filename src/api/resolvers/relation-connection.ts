/**
 * Internal. Resolvers of RelationConnection (mapped to a RelationPageRequest).
 */
import { sliceConnection } from '../connections';
import type { ApiContext } from '../context';
import type { RelationPageRequest } from '../relation-page';
import type { RelationConnectionResolvers } from '../resolvers-types.generated';
import { relationsOf } from './traverse';

async function relationsAsked(request: RelationPageRequest, context: ApiContext) {
  const relations = await relationsOf(context, request.nodeId, request.direction, request.types, request.minConfidence);
  const { forCities } = request;
  if (!forCities) return relations;
  return relations.filter((relation) => 'forCity' in relation && relation.forCity !== undefined && forCities.has(relation.forCity));
}

async function page(request: RelationPageRequest, context: ApiContext) {
  return sliceConnection(await relationsAsked(request, context), (relation) => relation.id, request.first, request.after);
}

export const RelationConnection: RelationConnectionResolvers = {
  totalCount: async (request, _args, context) =>
    request.forCities
      ? (await relationsAsked(request, context)).length
      : context.store.countRelations({
          nodeIds: [request.nodeId],
          direction: request.direction,
          types: request.types,
          ...(request.minConfidence ? { minConfidence: request.minConfidence } : {}),
        }),
  edges: async (request, _args, context) => (await page(request, context)).edges,
  pageInfo: async (request, _args, context) => (await page(request, context)).pageInfo,
};
