/**
 * Store round trips per GraphQL operation at growing result sizes, over a synthetic graph
 * behind the real server: the DataLoaders should keep the count flat as results grow.
 */
import pino from 'pino';
import { startServer } from '../../src/http/start-server';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { generateGraph } from '../synthetic/generate';
import { drawQuestions } from '../store/questions';
import { countStoreCalls } from './counting-store';

export interface RoundTrip {
  readonly operation: string;
  readonly argument: string;
  /** Items in the answer (cities, subgraph nodes, peers). */
  readonly resultSize: number;
  readonly storeCalls: number;
  readonly byMethod: string;
}

const CITIES = `query Cities($first: Int) { cities(first: $first) { edges { node { id
  country { id name } leaders { title from { id name } } programmes { id name } } } } }`;
const SUBGRAPH = `query Subgraph($ids: [ID!]!, $limit: Int) { subgraph(ids: $ids, depth: 2, limit: $limit) {
  truncated nodes { id type name } edges { id source target type } } }`;
const PEERS = `query Peers($id: ID!, $hops: Int) { peerNetwork(cityId: $id, maxHops: $hops) {
  peers { hops node { id name } via { id kind } } } }`;

export async function runRoundTrips(relations: number): Promise<RoundTrip[]> {
  const memory = new MemoryGraphStore();
  const { graph } = generateGraph(relations);
  await memory.mergeGraph(graph);
  // The most active exchanger of the questions drawn: its network grows with each hop.
  const starts = drawQuestions(graph, 50).peerStarts;
  const peerCounts = await Promise.all(
    starts.map(async (id) => (await memory.peerNetwork({ cityId: id, maxHops: 3, eventKinds: ['exchange'] })).length),
  );
  const busiest = starts[peerCounts.indexOf(Math.max(...peerCounts))] ?? '';
  const hubCity = graph.relations.find((relation) => relation.type === 'IN_COUNTRY' && relation.to === 'country:aa')?.from ?? '';
  const counting = countStoreCalls(memory);
  const server = await startServer({
    store: counting.store,
    logger: pino({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
    production: true,
  });
  const results: RoundTrip[] = [];
  const run = async (
    operation: string,
    argument: string,
    query: string,
    variables: Record<string, unknown>,
    size: (data: never) => number,
  ) => {
    counting.calls.clear();
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`${operation} ${argument}: ${JSON.stringify(body.errors)}`);
    const calls = [...counting.calls].sort(([a], [b]) => (a < b ? -1 : 1));
    results.push({
      operation,
      argument,
      resultSize: size(body.data as never),
      storeCalls: calls.reduce((sum, [, count]) => sum + count, 0),
      byMethod: calls.map(([method, count]) => `${method} ${count}`).join(', '),
    });
  };
  try {
    for (const first of [5, 25, 100]) {
      await run(
        'cities + country, leaders, programmes',
        `first ${first}`,
        CITIES,
        { first },
        (data: { cities: { edges: unknown[] } }) => data.cities.edges.length,
      );
    }
    for (const limit of [10, 100, 1000]) {
      await run(
        'subgraph depth 2',
        `limit ${limit}`,
        SUBGRAPH,
        { ids: [hubCity], limit },
        (data: { subgraph: { nodes: unknown[] } }) => data.subgraph.nodes.length,
      );
    }
    for (const hops of [1, 2, 3]) {
      await run(
        'peerNetwork',
        `maxHops ${hops}`,
        PEERS,
        { id: busiest, hops },
        (data: { peerNetwork: { peers: unknown[] } }) => data.peerNetwork.peers.length,
      );
    }
  } finally {
    await server.stop();
  }
  return results;
}
