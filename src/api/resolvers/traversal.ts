/**
 * Internal. Traversal and analytics entry points: arguments checked and bounded here, the
 * traversal done by the store, layouts and graphology algorithms run on the store's
 * projection in the analytics worker pool (`api/analytics.ts`), graph-wide answers cached
 * per graph generation.
 */
import type { NodeOf, NodeRecord } from '../../domain/graph-document';
import { labelOfId, peerEventKinds, type EventKind, type NodeLabel } from '../../domain/ontology';
import { labelsOfProjection } from '../../analytics/centrality';
import { MAX_HOPS, MAX_SUBGRAPH_LIMIT } from '../../store/GraphStore';
import { checkFirst, checkIdList, checkNodeId, checkRange } from '../arguments';
import type { ApiContext } from '../context';
import { fromEnumValue, labelOf, nodeTypeOf, toEnumValue } from '../enums';
import { badUserInput, notFound } from '../../errors';
import type { EventKind as EventKindValue, QueryResolvers, ResolversTypes } from '../resolvers-types.generated';

/** Loads nodes that must exist; NOT_FOUND names the first missing id. */
async function requireNodes(context: ApiContext, ids: readonly string[], argumentName: string): Promise<NodeRecord[]> {
  const nodes = await context.loaders.node.loadMany(ids);
  return nodes.map((node, index) => {
    if (node instanceof Error) throw node;
    if (!node) throw notFound(`${argumentName}: no node ${ids[index]}`, argumentName);
    return node;
  });
}

async function requireNode<L extends NodeLabel>(context: ApiContext, id: string, argumentName: string, label: L): Promise<NodeOf<L>> {
  const [node] = await requireNodes(context, [checkNodeId(id, argumentName, label)], argumentName);
  return node as NodeOf<L>;
}

/** Loads nodes known to exist (ids the store just returned), keeping only one label. */
async function loadExisting<L extends NodeLabel>(context: ApiContext, ids: readonly string[], label: L): Promise<NodeOf<L>[]> {
  const nodes = await context.loaders.node.loadMany(ids);
  return nodes.filter((node): node is NodeOf<L> => !(node instanceof Error) && node !== null && node.label === label);
}

/**
 * A node the store has just named (a peer, a pair, a score): one it cannot load means the
 * store contradicts itself, a bug answered as INTERNAL_SERVER_ERROR and logged.
 */
async function loadKnown(context: ApiContext, id: string): Promise<NodeRecord>;
async function loadKnown<L extends NodeLabel>(context: ApiContext, id: string, label: L): Promise<NodeOf<L>>;
async function loadKnown(context: ApiContext, id: string, label?: NodeLabel): Promise<NodeRecord> {
  const node = await context.loaders.node.load(id);
  if (!node || (label !== undefined && node.label !== label)) {
    throw new Error(`the store named ${id}${label ? ` as a ${label}` : ''} but does not hold it`);
  }
  return node;
}

async function loadAny(context: ApiContext, ids: readonly string[]): Promise<NodeRecord[]> {
  const nodes = await context.loaders.node.loadMany(ids);
  return nodes.filter((node): node is NodeRecord => !(node instanceof Error) && node !== null);
}

function checkLabels(ids: readonly string[], argumentName: string, labels: readonly NodeLabel[]): void {
  for (const id of ids) {
    const label = labelOfId(id);
    if (!label || !labels.includes(label)) {
      throw badUserInput(`${argumentName}: ${JSON.stringify(id)} is not a ${labels.join(' or ')} id`, argumentName);
    }
  }
}

/** The event kinds of a peer question (ontology.ts peerEventKinds: eventKinds, else the deprecated alias). */
function askedEventKinds(args: {
  readonly eventKinds?: readonly EventKindValue[] | null;
  readonly includeWorkshops?: boolean | null;
}): EventKind[] {
  const eventKinds = args.eventKinds?.map((kind) => fromEnumValue<EventKind>(kind));
  if (eventKinds?.length === 0)
    throw badUserInput('eventKinds: give at least one event kind, or leave it out for [EXCHANGE]', 'eventKinds');
  return peerEventKinds({ eventKinds, includeWorkshops: args.includeWorkshops });
}

/** A city's suggested peers, loaded for the schema (similarCities is its `items`). */
async function suggestedPeersOf(
  context: ApiContext,
  cityId: string,
  askedFirst: number | null | undefined,
): Promise<ResolversTypes['CitySuggestions']> {
  const first = checkFirst(askedFirst, 10);
  const city = await requireNode(context, cityId, 'cityId', 'City');
  const result = await context.analytics.similarCities({ cityId: city.id, first });
  // The node loaded, so a store answering "no such city" contradicts itself: a bug, logged as INTERNAL_SERVER_ERROR.
  if (!result) throw new Error(`the store holds ${city.id} but its similarCities knows no such city`);
  const items = await Promise.all(
    result.suggestions.map(async (suggestion) => ({
      city: await loadKnown(context, suggestion.cityId, 'City'),
      score: suggestion.score,
      shared: await Promise.all(
        suggestion.shared.map(async (item) => {
          const weights = { holders: item.holders, weight: item.weight };
          if (item.reason === 'PROGRAMME_KIND') return { reason: item.reason, node: null, value: item.value, ...weights };
          const [node] = await loadAny(context, [item.value]);
          return { reason: item.reason, node: node ?? null, value: node?.name ?? item.value, ...weights };
        }),
      ),
    })),
  );
  return {
    city,
    items,
    totalCount: result.candidateCount - result.excludedCount,
    itemCount: result.itemCount,
    candidateCount: result.candidateCount,
    excludedCount: result.excludedCount,
    emptyReason: result.emptyReason,
  };
}

export const traversalQueries: Pick<
  QueryResolvers,
  | 'peerNetwork'
  | 'shortestPath'
  | 'sharedPartners'
  | 'commonPartners'
  | 'subgraph'
  | 'similarCities'
  | 'suggestedPeers'
  | 'centrality'
  | 'communities'
> = {
  peerNetwork: async (_root, args, context) => {
    const maxHops = checkRange(args.maxHops, 2, 1, MAX_HOPS, 'maxHops');
    const city = await requireNode(context, args.cityId, 'cityId', 'City');
    const eventKinds = askedEventKinds(args);
    const peers = await context.store.peerNetwork({ cityId: city.id, maxHops, eventKinds });
    return {
      city,
      maxHops,
      eventKinds: eventKinds.map((kind) => toEnumValue<EventKindValue>(kind)),
      peers: await Promise.all(
        peers.map(async (peer) => ({
          node: await loadKnown(context, peer.id),
          hops: peer.hops,
          via: await loadExisting(context, peer.via, 'Event'),
          through: await loadExisting(context, peer.through, 'Person'),
          learnedFrom: peer.learnedFrom,
        })),
      ),
    };
  },

  shortestPath: async (_root, args, context) => {
    const maxHops = checkRange(args.maxHops, MAX_HOPS, 1, MAX_HOPS, 'maxHops');
    checkNodeId(args.fromId, 'fromId');
    checkNodeId(args.toId, 'toId');
    await requireNodes(context, [args.fromId], 'fromId');
    await requireNodes(context, [args.toId], 'toId');
    const path = await context.store.shortestPath({ fromId: args.fromId, toId: args.toId, maxHops, types: args.relationTypes ?? [] });
    if (!path) return null;
    return { length: path.relations.length, nodes: await loadAny(context, path.nodeIds), relations: [...path.relations] };
  },

  sharedPartners: async (_root, args, context) => {
    const first = checkFirst(args.first, 20);
    const minShared = checkRange(args.minShared, 1, 1, 1000, 'minShared');
    let programmeIds: readonly string[] | undefined;
    if (args.programmeIds) {
      programmeIds = checkIdList(args.programmeIds, 'programmeIds');
      checkLabels(programmeIds, 'programmeIds', ['Programme']);
      await requireNodes(context, programmeIds, 'programmeIds');
    }
    const overlaps = await context.analytics.sharedPartners({ minShared, first, ...(programmeIds ? { programmeIds } : {}) });
    return Promise.all(
      overlaps.map(async (overlap) => {
        return {
          a: await loadKnown(context, overlap.a, 'Programme'),
          b: await loadKnown(context, overlap.b, 'Programme'),
          partners: await loadExisting(context, overlap.partnerIds, 'Organization'),
          shared: overlap.partnerIds.length,
          jaccard: Math.round(overlap.jaccard * 1e6) / 1e6,
          score: overlap.score,
          weights: await Promise.all(
            overlap.weights.map(async (item) => ({
              partner: await loadKnown(context, item.partnerId, 'Organization'),
              weight: item.weight,
              programmes: item.holders,
            })),
          ),
        };
      }),
    );
  },

  commonPartners: async (_root, args, context) => {
    const ids = checkIdList(args.ids, 'ids');
    if (ids.length === 0) throw badUserInput('ids: give at least one city or programme id', 'ids');
    checkLabels(ids, 'ids', ['City', 'Programme']);
    await requireNodes(context, ids, 'ids');
    const excludeIds = args.excludeIds ? checkIdList(args.excludeIds, 'excludeIds') : [];
    const results = await context.store.commonPartners({ ids, excludeIds });
    return Promise.all(
      results.map(async (result) => ({
        partner: await loadKnown(context, result.partnerId, 'Organization'),
        routes: await Promise.all(
          result.routes.map(async (route) => ({
            from: await loadKnown(context, route.fromId),
            via: route.viaId === null ? null : await loadKnown(context, route.viaId),
            type: route.type,
            role: route.role,
          })),
        ),
      })),
    );
  },

  subgraph: async (_root, args, context) => {
    const ids = checkIdList(args.ids, 'ids');
    if (ids.length === 0) throw badUserInput('ids: give at least one node id', 'ids');
    const depth = checkRange(args.depth, 1, 0, MAX_HOPS, 'depth');
    const limit = checkRange(args.limit, 200, 1, MAX_SUBGRAPH_LIMIT, 'limit');
    await requireNodes(context, ids, 'ids');
    const result = await context.store.subgraph({
      ids,
      depth,
      limit,
      direction: args.direction ?? 'BOTH',
      types: args.relationTypes ?? [],
      ...(args.minConfidence ? { minConfidence: args.minConfidence } : {}),
    });
    const edges = result.relations.map((relation) => ({
      id: relation.id,
      source: relation.from,
      target: relation.to,
      type: relation.type,
      confidence: relation.confidence,
    }));
    const positions = await context.analytics.layout(
      result.nodes.map((node) => node.id),
      edges,
      args.layout ?? 'NONE',
    );
    return {
      nodes: result.nodes.map((node) => ({
        id: node.id,
        type: nodeTypeOf(node.label),
        name: node.name,
        nameAr: node.nameAr,
        depth: node.depth,
        x: positions.get(node.id)?.x ?? null,
        y: positions.get(node.id)?.y ?? null,
      })),
      edges,
      truncated: result.truncated,
    };
  },

  similarCities: async (_root, args, context) => (await suggestedPeersOf(context, args.cityId, args.first)).items,

  suggestedPeers: (_root, args, context) => suggestedPeersOf(context, args.cityId, args.first),

  centrality: async (_root, args, context) => {
    const first = checkFirst(args.first, 20);
    const projectionName = args.projection ?? 'EXCHANGE';
    const label = labelOf(args.type ?? 'CITY');
    const possible = labelsOfProjection(projectionName);
    if (possible !== 'any' && !possible.includes(label)) {
      const types = possible.map((each) => nodeTypeOf(each)).join(', ');
      throw badUserInput(`type: the ${projectionName} projection holds no ${nodeTypeOf(label)} nodes, only ${types}`, 'type');
    }
    const scores = await context.analytics.centrality(projectionName, args.metric ?? 'DEGREE', label, first, askedEventKinds(args));
    return Promise.all(scores.map(async ({ id, ...score }) => ({ node: await loadKnown(context, id), ...score })));
  },

  communities: async (_root, args, context) => {
    const found = await context.analytics.communities(args.projection ?? 'EXCHANGE', askedEventKinds(args));
    return Promise.all(
      found.map(async (community) => ({
        id: community.id,
        size: community.memberIds.length,
        members: await loadAny(context, community.memberIds),
      })),
    );
  },
};
