/**
 * Internal. Peer network: breadth-first over City/Country participants of exchange events.
 * A peer at hop k shares at least one such event with a peer at hop k-1.
 */
import type { EventKind } from '../../../domain/ontology';
import type { PeerNetworkQuery, PeerResult } from '../../GraphStore';
import { compareIds, labelOf, relationsAt, type KnowledgeGraph } from '../knowledge-graph';

const PARTICIPATED = new Set(['PARTICIPATED_IN'] as const);

function isPeerEvent(graph: KnowledgeGraph, eventId: string, kinds: ReadonlySet<EventKind>): boolean {
  const record = graph.getNodeAttribute(eventId, 'record');
  return record.label === 'Event' && kinds.has(record.kind);
}

export function peerNetwork(graph: KnowledgeGraph, query: PeerNetworkQuery): PeerResult[] {
  if (!graph.hasNode(query.cityId)) return [];
  const kinds = new Set(query.eventKinds);
  const hopsOf = new Map<string, number>([[query.cityId, 0]]);
  const viaOf = new Map<string, Set<string>>();
  let frontier = [query.cityId];
  for (let hop = 1; hop <= query.maxHops && frontier.length > 0; hop += 1) {
    const reached = new Set<string>();
    for (const participant of frontier) {
      for (const participation of relationsAt(graph, participant, 'OUT', PARTICIPATED)) {
        const eventId = participation.to;
        if (!isPeerEvent(graph, eventId, kinds)) continue;
        for (const other of relationsAt(graph, eventId, 'IN', PARTICIPATED)) {
          const peer = other.from;
          const label = labelOf(graph, peer);
          if ((label !== 'City' && label !== 'Country') || hopsOf.has(peer)) continue;
          reached.add(peer);
          const via = viaOf.get(peer) ?? new Set<string>();
          via.add(eventId);
          viaOf.set(peer, via);
        }
      }
    }
    for (const peer of reached) hopsOf.set(peer, hop);
    frontier = [...reached].sort(compareIds);
  }
  return [...hopsOf]
    .filter(([id]) => id !== query.cityId)
    .map(([id, hops]) => ({ id, hops, via: [...(viaOf.get(id) ?? [])].sort(compareIds) }))
    .sort((a, b) => a.hops - b.hops || compareIds(a.id, b.id));
}
