/**
 * The Kuzu bench engine's peer table (bench/store/peer-attendances.ts) follows the one
 * peer-link definition of ontology.ts: a breadth-first walk over its rows, two rows a hop,
 * finds the peers the memory store's peerNetwork finds, on a hand graph and on the seed.
 */
import { peerAttendances } from '../../bench/store/peer-attendances';
import type { GraphData, NodeRecord, RelationInput } from '../../src/domain/graph-document';
import { relationId } from '../../src/domain/graph-document';
import { loadSeed } from '../../src/ingest/load-seed';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';

/** Peers within `maxHops` of `start` by the rows: `id:hops`, sorted. */
function walk(rows: readonly (readonly string[])[], start: string, maxHops: number, peers: ReadonlySet<string>): string[] {
  const next = new Map<string, string[]>();
  for (const [from = '', to = ''] of rows) {
    next.set(from, [...(next.get(from) ?? []), to]);
    next.set(to, [...(next.get(to) ?? []), from]);
  }
  const hops = new Map([[start, 0]]);
  let frontier = [start];
  for (let hop = 1; hop <= maxHops; hop += 1) {
    const middles = new Set(frontier.flatMap((id) => next.get(id) ?? []));
    frontier = [...new Set([...middles].flatMap((middle) => next.get(middle) ?? []))].filter((id) => !hops.has(id));
    for (const id of frontier) hops.set(id, hop);
  }
  return [...hops]
    .filter(([id]) => id !== start && peers.has(id))
    .map(([id, hop]) => `${id}:${hop}`)
    .sort();
}

async function memoryPeers(graph: GraphData, start: string, maxHops: number): Promise<string[]> {
  const store = new MemoryGraphStore();
  await store.mergeGraph(graph);
  const peers = await store.peerNetwork({ cityId: start, maxHops, eventKinds: ['exchange'] });
  await store.close();
  return peers.map((peer) => `${peer.id}:${peer.hops}`).sort();
}

const cite = [{ doc: 'doc:000', quote: 'x' }];
const node = (id: string, label: NodeRecord['label'], extra: Record<string, unknown> = {}): NodeRecord =>
  ({ id, label, name: id, nameAr: 'س', sources: cite, ...extra }) as NodeRecord;
const relation = (input: Omit<RelationInput, 'sources' | 'confidence'>) => {
  const full = { confidence: 'STATED', sources: cite, ...input } as RelationInput;
  return { ...full, id: relationId(full) };
};

// a hosts exchange x; b's mayor speaks there (roll-up); c was only showcased; d learned from b;
// e attended a workshop with a (not a peer kind); the country k took part in exchange x as a group.
const HAND: GraphData = {
  nodes: [
    node('doc:000', 'Document', { title: 'doc', file: '000.txt' }),
    ...['a', 'b', 'c', 'd', 'e'].map((name) => node(`city:${name}`, 'City', { kind: 'city' })),
    node('country:k', 'Country', { code: 'KK' }),
    node('person:p', 'Person'),
    node('event:x', 'Event', { kind: 'exchange' }),
    node('event:w', 'Event', { kind: 'workshop' }),
  ],
  relations: [
    relation({ type: 'PARTICIPATED_IN', from: 'city:a', to: 'event:x', role: 'host' }),
    relation({ type: 'PARTICIPATED_IN', from: 'person:p', to: 'event:x', role: 'speaker' }),
    relation({ type: 'LEADS', from: 'person:p', to: 'city:b', title: 'Mayor' }),
    relation({ type: 'PARTICIPATED_IN', from: 'city:c', to: 'event:x', role: 'showcased' }),
    relation({ type: 'LEARNED_FROM', from: 'city:d', to: 'city:b' }),
    relation({ type: 'PARTICIPATED_IN', from: 'city:a', to: 'event:w', role: 'participant' }),
    relation({ type: 'PARTICIPATED_IN', from: 'city:e', to: 'event:w', role: 'participant' }),
    relation({ type: 'PARTICIPATED_IN', from: 'country:k', to: 'event:x', role: 'participant' }),
  ],
};

const peerIds = (graph: GraphData): Set<string> =>
  new Set(graph.nodes.filter((each) => each.label === 'City' || each.label === 'Country').map((each) => each.id));

describe('Kuzu bench peer table', () => {
  it('rolls a mayor up to the city, skips a showcased place and other kinds, and links learners through one node', () => {
    const { rows, links } = peerAttendances(HAND);
    expect(links).toEqual(['peer-link:0']);
    expect(rows).toEqual([
      ['city:a', 'event:x'],
      ['city:b', 'event:x'],
      ['city:d', 'peer-link:0'],
      ['city:b', 'peer-link:0'],
      ['country:k', 'event:x'],
    ]);
    expect(walk(rows, 'city:a', 2, peerIds(HAND))).toEqual(['city:b:1', 'city:d:2', 'country:k:1']);
  });

  it('finds the memory store peers on the hand graph', async () => {
    const { rows } = peerAttendances(HAND);
    for (const start of ['city:a', 'city:c', 'city:d'])
      expect(walk(rows, start, 3, peerIds(HAND))).toEqual(await memoryPeers(HAND, start, 3));
  });

  it('finds the memory store peers of every seed city within 1 to 3 hops', async () => {
    const seed = await loadSeed();
    const { rows } = peerAttendances(seed);
    const store = new MemoryGraphStore();
    await store.mergeGraph(seed);
    const peers = peerIds(seed);
    for (const city of seed.nodes.filter((each) => each.label === 'City')) {
      for (const maxHops of [1, 2, 3]) {
        const expected = (await store.peerNetwork({ cityId: city.id, maxHops, eventKinds: ['exchange'] }))
          .map((peer) => `${peer.id}:${peer.hops}`)
          .sort();
        expect({ city: city.id, maxHops, peers: walk(rows, city.id, maxHops, peers) }).toEqual({ city: city.id, maxHops, peers: expected });
      }
    }
    await store.close();
  });
});
