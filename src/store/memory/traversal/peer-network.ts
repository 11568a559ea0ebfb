/**
 * Internal. Peer network: breadth-first over City/Country participants of exchange events.
 * A peer at hop k shares at least one such event with a peer at hop k-1. Reads only the
 * PARTICIPATED_IN entries of the adjacency index and the label and kind columns; no record
 * is decoded.
 */
import type { PeerNetworkQuery, PeerResult } from '../../GraphStore';
import { LABEL_CODE, TYPE_CODE } from '../codes';
import { int32At, uint8At } from '../columns';
import { inIdOrder, type KnowledgeGraph } from '../knowledge-graph';

const PARTICIPATED = TYPE_CODE.PARTICIPATED_IN;
const CITY = LABEL_CODE.City;
const COUNTRY = LABEL_CODE.Country;
const EVENT = LABEL_CODE.Event;

export function peerNetwork(graph: KnowledgeGraph, query: PeerNetworkQuery): PeerResult[] {
  const start = graph.indexOf(query.cityId);
  if (start === undefined) return [];
  const index = graph.index();
  const { labels, kinds } = graph.nodes;
  // Kinds by their string codes; a kind no node has is no code at all.
  const peerKinds = new Set(query.eventKinds.map((kind) => graph.strings.codeOf(kind)).filter((code) => code >= 0));
  const isPeerEvent = (event: number): boolean => uint8At(labels, event) === EVENT && peerKinds.has(int32At(kinds, event));
  const out = index.out;
  const inward = index.in;
  const hops = graph.marks(0);
  /** Events that brought each peer in, by peer index. */
  const viaOf = new Map<number, number[]>();
  const found: number[] = [];
  hops.mark(start, 0);
  let frontier = [start];
  for (let hop = 1; hop <= query.maxHops && frontier.length > 0; hop += 1) {
    const reached: number[] = [];
    for (const participant of frontier) {
      for (let k = int32At(out.offsets, participant), end = int32At(out.offsets, participant + 1); k < end; k += 1) {
        if (uint8At(out.types, k) !== PARTICIPATED) continue;
        const event = int32At(out.neighbours, k);
        if (!isPeerEvent(event)) continue;
        for (let j = int32At(inward.offsets, event), last = int32At(inward.offsets, event + 1); j < last; j += 1) {
          if (uint8At(inward.types, j) !== PARTICIPATED) continue;
          const peer = int32At(inward.neighbours, j);
          const label = uint8At(labels, peer);
          if (label !== CITY && label !== COUNTRY) continue;
          if (!hops.has(peer)) {
            hops.mark(peer, hop);
            reached.push(peer);
            viaOf.set(peer, [event]);
          } else if (int32At(hops.value, peer) === hop) {
            const via = viaOf.get(peer);
            if (via && !via.includes(event)) via.push(event);
          }
        }
      }
    }
    for (const peer of reached) found.push(peer);
    frontier = reached;
  }
  const ids = graph.nodes;
  const peers = Array.from(inIdOrder(index, found), (peer) => ({
    id: ids.idOf(peer),
    hops: int32At(hops.value, peer),
    via: Array.from(inIdOrder(index, viaOf.get(peer) ?? []), (event) => ids.idOf(event)),
  }));
  // inIdOrder sorted by id; a stable sort by hops keeps id order within each hop.
  return peers.sort((a, b) => a.hops - b.hops);
}
