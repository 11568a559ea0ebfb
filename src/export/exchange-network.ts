/**
 * Public. The exchange network as a graph of its own, for Gephi, NetworkX or a spreadsheet:
 * the cities and countries that took part in peer events, one undirected edge per pair that
 * shared any, weighted by how many they shared, with those events listed on the edge.
 *
 * Who is linked, and how strongly, is the store's EXCHANGE projection (the one centrality and
 * communities read), so the export cannot disagree with them; which events link a pair is
 * the store's `peerNetwork` at one hop, asked with the same event kinds. Neither peer rule is
 * written again here.
 */
import { UndirectedGraph } from 'graphology';
import { DEFAULT_PEER_EVENT_KINDS, type EventKind } from '../domain/ontology';
import type { GraphStore } from '../store/GraphStore';
import { cityCountries } from './city-countries';
import { exportNodeAttributes, type ExportNodeAttributes, type Scalar } from './graph-model';

/**
 * The event kinds whose co-attendance is a peer link: the ontology's one definition (both
 * the projection and `peerNetwork` are asked with it). The export test checks that every
 * edge's weight is the number of events it lists plus its learning link, so the two answers
 * can never drift apart silently.
 */
export const EXCHANGE_EVENT_KINDS: readonly EventKind[] = DEFAULT_PEER_EVENT_KINDS;

export interface ExchangeEdgeAttributes {
  /** The events' English names, `; `-separated: what Gephi shows on the edge. */
  label: string;
  /** How many peer events the pair shared. */
  weight: number;
  /** Their ids, `;`-separated. */
  events: string;
  /** `true` when a LEARNED_FROM relation joins the pair too (it counts 1 in the weight), else `false`. */
  learnedFrom: 'true' | 'false';
  [property: string]: Scalar;
}

export type ExchangeGraph = UndirectedGraph<ExportNodeAttributes, ExchangeEdgeAttributes, { name: string; description: string }>;

const DESCRIPTION = 'cities-kg: the exchange network (cities and countries linked by the peer events they shared; weight = events shared)';

/** One lookup at a time: the memory store answers at once, and Neo4j is not flooded. */
async function sharedEvents(store: GraphStore, ids: readonly string[]): Promise<Map<string, PairLink>> {
  const byPair = new Map<string, PairLink>();
  for (const id of ids) {
    for (const peer of await store.peerNetwork({ cityId: id, maxHops: 1, eventKinds: EXCHANGE_EVENT_KINDS })) {
      if (id < peer.id) byPair.set(`${id}\u0000${peer.id}`, { events: [...peer.via], learnedFrom: peer.learnedFrom });
    }
  }
  return byPair;
}

interface PairLink {
  readonly events: readonly string[];
  readonly learnedFrom: boolean;
}

export async function exchangeNetwork(store: GraphStore): Promise<ExchangeGraph> {
  const projection = await store.project('EXCHANGE', { eventKinds: EXCHANGE_EVENT_KINDS });
  const ids = projection.nodes.map((node) => node.id);
  const records = (await store.getNodes(ids)).filter((node) => node !== null);
  const countries = await cityCountries(
    store,
    records.filter((node) => node.label === 'City').map((node) => node.id),
  );
  const degree = new Map<string, number>();
  for (const { source, target } of projection.edges) {
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  const graph: ExchangeGraph = new UndirectedGraph();
  graph.replaceAttributes({ name: 'cities-kg-exchange-network', description: DESCRIPTION });
  records.forEach((node, index) => {
    graph.addNode(
      node.id,
      exportNodeAttributes(node, { index, count: records.length, degree: degree.get(node.id) ?? 0 }, countries.get(node.id)),
    );
  });

  const events = await sharedEvents(store, ids);
  const eventIds = [...new Set([...events.values()].flatMap((link) => link.events))];
  const eventNames = new Map((await store.getNodes(eventIds)).flatMap((node) => (node ? [[node.id, node.name] as const] : [])));
  for (const { source, target, weight } of projection.edges) {
    const link = events.get(source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`);
    const shared = link?.events ?? [];
    graph.addUndirectedEdgeWithKey(`${source}--${target}`, source, target, {
      label: [...shared.map((id) => eventNames.get(id) ?? id), ...(link?.learnedFrom ? ['learned from'] : [])].join('; '),
      weight,
      events: shared.join(';'),
      learnedFrom: link?.learnedFrom === true ? 'true' : 'false',
    });
  }
  return graph;
}
