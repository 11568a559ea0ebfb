/**
 * The memory store under benchmark, called through its GraphStore port as the API calls it.
 */
import type { GraphData } from '../../src/domain/graph-document';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { fingerprint } from './answers';
import type { Engine } from './engine';

export function memoryEngine(): Engine & { readonly store: MemoryGraphStore } {
  const store = new MemoryGraphStore();
  return {
    name: 'memory',
    store,
    prepare: async () => ({}),
    load: async (graph: GraphData) => {
      await store.mergeGraph(graph);
    },
    peerNetwork: async (cityId, maxHops) => {
      const peers = await store.peerNetwork({ cityId, maxHops, eventKinds: ['exchange'] });
      return fingerprint(peers.map((peer) => `${peer.id}:${peer.hops}`));
    },
    shortestPath: async (fromId, toId) => {
      const path = await store.shortestPath({ fromId, toId, maxHops: 6 });
      return String(path ? path.relations.length : -1);
    },
    sharedPartners: async (programmeIds) => {
      const overlaps = await store.sharedPartners({ programmeIds, minShared: 1, first: 100 });
      return fingerprint(overlaps.map((overlap) => `${overlap.a}|${overlap.b}|${overlap.partnerIds.length}`));
    },
    subgraph: async (id) => {
      const result = await store.subgraph({ ids: [id], depth: 2, direction: 'BOTH', limit: 500 });
      return fingerprint(result.nodes.map((entry) => entry.id));
    },
    close: () => store.close(),
  };
}
