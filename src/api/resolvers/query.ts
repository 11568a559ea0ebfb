/**
 * Internal. Query entry points: each turns its arguments into checked store calls.
 */
import { NODE_LABELS } from '../../domain/ontology';
import { checkFirst, checkIdList, checkNodeId, checkSearchText } from '../arguments';
import { cityConnection } from '../connections';
import { notFound } from '../../errors';
import { labelOf, nodeTypeOf } from '../enums';
import type { QueryResolvers } from '../resolvers-types.generated';
import { RELATION_TYPES } from '../../domain/ontology';

export const Query: QueryResolvers = {
  node: (_root, args, context) => context.loaders.node.load(checkNodeId(args.id, 'id')),

  nodes: async (_root, args, context) => {
    const ids = checkIdList(args.ids, 'ids');
    return context.store.getNodes(ids).then((nodes) => [...nodes]);
  },

  search: async (_root, args, context) => {
    const text = checkSearchText(args.text);
    const first = checkFirst(args.first, 10);
    const hits = await context.store.search({ text, first, ...(args.types ? { labels: args.types.map(labelOf) } : {}) });
    return hits.map((hit) => ({ node: hit.node, score: hit.score, exact: hit.exact }));
  },

  cities: async (_root, args, context) => {
    const first = checkFirst(args.first, 20);
    let linkedTo;
    if (args.countryId !== null && args.countryId !== undefined) {
      const countryId = checkNodeId(args.countryId, 'countryId', 'Country');
      if (!(await context.loaders.node.load(countryId))) throw notFound(`countryId: no country ${countryId}`, 'countryId');
      linkedTo = { type: 'IN_COUNTRY' as const, direction: 'OUT' as const, id: countryId };
    }
    const page = await context.store.listNodes({ label: 'City', first, after: args.after ?? null, ...(linkedTo ? { linkedTo } : {}) });
    return cityConnection(page);
  },

  stats: async (_root, _args, context) => {
    const counts = await context.store.counts();
    return {
      nodes: counts.nodes,
      relations: counts.relations,
      byType: NODE_LABELS.map((label) => ({ type: nodeTypeOf(label), count: counts.byLabel[label] })),
      byRelationType: RELATION_TYPES.map((type) => ({ type, count: counts.byType[type] })),
    };
  },
};
