/**
 * Internal. Peer network: breadth-first over City/Country participants of exchange events.
 * A peer at hop k shares at least one such event with a peer at hop k-1. Reads only the
 * PARTICIPATED_IN entries of the adjacency index; records are touched once per event (its
 * kind) and once per peer found.
 */
import type { PeerNetworkQuery, PeerResult } from '../../GraphStore';
import { LABEL_CODE, TYPE_CODE } from '../codes';
import { inIdOrder, type KnowledgeGraph } from '../knowledge-graph';

const PARTICIPATED = TYPE_CODE.PARTICIPATED_IN;
const CITY = LABEL_CODE.City;
const COUNTRY = LABEL_CODE.Country;
/** Event marks: whether an event counts as a peer exchange for this query. */
const PEER_EVENT = 1;
const OTHER_EVENT = 2;

export function peerNetwork(graph: KnowledgeGraph, query: PeerNetworkQuery): PeerResult[] {
  const start = graph.indexOf(query.cityId);
  if (start === undefined) return [];
  const index = graph.index();
  const labels = graph.nodes.labels;
  const records = graph.nodes.records;
  const kinds = new Set<string>(query.eventKinds);
  const out = index.out;
  const inward = index.in;
  const hops = graph.marks(0);
  const events = graph.marks(1);
  const isPeerEvent = (event: number): boolean => {
    if (!events.has(event)) {
      const record = records[event]!;
      events.mark(event, record.label === 'Event' && kinds.has(record.kind) ? PEER_EVENT : OTHER_EVENT);
    }
    return events.value[event] === PEER_EVENT;
  };
  /** Events that brought each peer in, by peer index. */
  const viaOf = new Map<number, number[]>();
  const found: number[] = [];
  hops.mark(start, 0);
  let frontier = [start];
  for (let hop = 1; hop <= query.maxHops && frontier.length > 0; hop += 1) {
    const reached: number[] = [];
    for (const participant of frontier) {
      for (let k = out.offsets[participant]!, end = out.offsets[participant + 1]!; k < end; k += 1) {
        if (out.types[k] !== PARTICIPATED) continue;
        const event = out.neighbours[k]!;
        if (!isPeerEvent(event)) continue;
        for (let j = inward.offsets[event]!, last = inward.offsets[event + 1]!; j < last; j += 1) {
          if (inward.types[j] !== PARTICIPATED) continue;
          const peer = inward.neighbours[j]!;
          const label = labels[peer];
          if (label !== CITY && label !== COUNTRY) continue;
          if (!hops.has(peer)) {
            hops.mark(peer, hop);
            reached.push(peer);
            viaOf.set(peer, [event]);
          } else if (hops.value[peer] === hop) {
            const via = viaOf.get(peer)!;
            if (!via.includes(event)) via.push(event);
          }
        }
      }
    }
    for (const peer of reached) found.push(peer);
    frontier = reached;
  }
  const byId = inIdOrder(index, found);
  const peers: PeerResult[] = [];
  for (const peer of byId) {
    peers.push({
      id: records[peer]!.id,
      hops: hops.value[peer]!,
      via: Array.from(inIdOrder(index, viaOf.get(peer)!), (event) => records[event]!.id),
    });
  }
  // inIdOrder sorted by id; a stable sort by hops keeps id order within each hop.
  return peers.sort((a, b) => a.hops - b.hops);
}
